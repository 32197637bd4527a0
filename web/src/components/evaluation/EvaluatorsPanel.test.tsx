// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import "@testing-library/jest-dom/vitest";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Theme } from "@radix-ui/themes";
import { EvaluatorsPanel } from "@/components/evaluation/EvaluatorsPanel";
import type { EvaluatorView } from "@/contracts/evaluators";
import type { EvaluatorsSettingsView } from "@/server/evaluation/evaluatorsView";
import type { EvaluatorAgreementView, PassFailAgreementView } from "@/contracts/evaluatorAgreement";
import { stubConsoleApi } from "@/test/stubConsoleApi";

// Rendered outside Next's app router: a save refreshes the page, which is a no-op here.
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined }) }));

const judge: EvaluatorView = {
  id: "6f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f",
  name: "helpful-judge",
  kind: "llm_judge",
  enabled: false,
  pausedReason: "Daily budget of $5 spent",
  samplingRate: 0.25,
  settleSeconds: 120,
  filter: { model: "gpt-4o" },
  version: 3,
  scoreNames: ["helpful-judge"],
  judge: {
    baseUrl: "https://judge.example/v1",
    model: "gpt-4o-mini",
    rubric: "helpfulness",
    template: null,
    dailyBudgetUsd: 5,
    timeoutSeconds: null,
    maxAttempts: null,
    hasApiKey: true,
  },
  jsonSchema: null,
  counts: { pending: 4, scored: 1234, skipped: 7, failed: 2 },
  spentTodayUsd: 5.0123,
  createdAt: "2026-11-27T10:00:00.000Z",
  updatedAt: "2026-11-27T10:00:00.000Z",
};

const toxicity: EvaluatorView = {
  ...judge,
  id: "7a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d",
  name: "toxicity",
  kind: "toxicity",
  enabled: true,
  pausedReason: null,
  samplingRate: 1,
  settleSeconds: 0,
  filter: {},
  version: 1,
  scoreNames: ["toxicity"],
  judge: null,
  counts: { pending: 0, scored: 10, skipped: 0, failed: 0 },
  spentTodayUsd: 0,
};

const noPassFail = { kappa: null, pearson: null, spearman: null, passFail: null };
const verdicts: PassFailAgreementView = {
  n: 48,
  truePositives: 10,
  falsePositives: 4,
  trueNegatives: 30,
  falseNegatives: 4,
  precision: 10 / 14,
  recall: 10 / 14,
  f1: 10 / 14,
  accuracy: 40 / 48,
  kappa: 0.6215,
};
const agreements: EvaluatorAgreementView[] = [
  {
    evaluatorId: judge.id,
    minimumSample: 10,
    scores: [
      {
        name: "helpful-judge",
        dataType: "numeric",
        corrections: { ...noPassFail, n: 23, pearson: 0.8123, spearman: 0.7861 },
        verdicts,
      },
    ],
  },
  {
    evaluatorId: toxicity.id,
    minimumSample: 10,
    scores: [
      { name: "toxicity", dataType: "numeric", corrections: { ...noPassFail, n: 3, pearson: 0.99 }, verdicts: { ...verdicts, n: 0 } },
    ],
  },
];

const view = (manageable: boolean): EvaluatorsSettingsView => ({
  projectId: "p1",
  evaluators: [judge, toxicity],
  agreements,
  manageable,
  rubrics: [
    { name: "relevance", description: "Does the answer address the question that was asked?" },
    { name: "helpfulness", description: "How useful is the answer to the person who asked (1 to 5)?" },
  ],
  toxicityLimits: ["English only: abuse in other languages is not detected."],
});

function renderPanel(manageable: boolean) {
  return render(
    <Theme>
      <EvaluatorsPanel {...view(manageable)} />
    </Theme>,
  );
}

beforeEach(() => {
  vi.unstubAllGlobals();
});
afterEach(() => {
  cleanup();
});

describe("the Evaluators panel", () => {
  it("shows each evaluator's kind by its label, state with the pause reason, rate in %, settle delay, outcomes and judge spending", () => {
    renderPanel(false);
    const table = screen.getByRole("table", { name: "Evaluators" });
    const judgeRow = within(table).getByRole("row", { name: /helpful-judge/ });
    expect(judgeRow).toHaveTextContent("LLM judge");
    expect(judgeRow).toHaveTextContent("Paused");
    expect(judgeRow).toHaveTextContent("Daily budget of $5 spent");
    expect(judgeRow).toHaveTextContent("25%");
    expect(judgeRow).toHaveTextContent("2 min");
    expect(judgeRow).toHaveTextContent("1,234 scored · 2 failed");
    expect(judgeRow).toHaveTextContent("4 pending · 7 skipped");
    expect(judgeRow).toHaveTextContent("gpt-4o-mini");
    expect(judgeRow).toHaveTextContent("$5.0123 of $5 today");
    const toxicityRow = within(table).getByRole("row", { name: /^toxicity/ });
    expect(toxicityRow).toHaveTextContent("Toxicity");
    expect(toxicityRow).toHaveTextContent("Enabled");
    expect(toxicityRow).toHaveTextContent("100%");
    expect(toxicityRow).not.toHaveTextContent("llm_judge");
    expect(screen.getByText("English only: abuse in other languages is not detected.")).toBeVisible();
  });

  it("shows each evaluator's agreement with annotators in words with its sample size, and none below the minimum", () => {
    renderPanel(false);
    const table = screen.getByRole("table", { name: "Agreement with annotators" });
    const judgeRow = within(table).getByRole("row", { name: /helpful-judge/ });
    expect(judgeRow).toHaveTextContent("Pearson r 0.81 · Spearman ρ 0.79 · n = 23");
    expect(judgeRow).toHaveTextContent("F1 0.71 · κ 0.62 (substantial) · n = 48");
    expect(judgeRow).toHaveTextContent("precision 0.71 · recall 0.71");
    const toxicityRow = within(table).getByRole("row", { name: /^toxicity/ });
    expect(toxicityRow).toHaveTextContent("Too few labelled traces (n = 3)");
    expect(toxicityRow).not.toHaveTextContent("0.99");
    expect(toxicityRow).toHaveTextContent("No labelled traces yet (n = 0)");
  });

  it("shows viewers the table and no actions", () => {
    renderPanel(false);
    expect(screen.getByRole("table", { name: "Evaluators" })).toBeInTheDocument();
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.getByTestId("locked-note")).toHaveTextContent("Owners and admins");
  });

  it("sends the LLM judge the person configured: kind, name, rate as a share, settle delay, filter, endpoint, key, rubric, budget, timeout", async () => {
    const user = userEvent.setup();
    const sent = stubConsoleApi(() => Response.json({}, { status: 201 }));
    renderPanel(true);
    await user.click(screen.getByRole("button", { name: "Add evaluator" }));
    const dialog = screen.getByRole("dialog", { name: "Add evaluator" });
    await user.click(within(within(dialog).getByRole("radiogroup", { name: "Kind" })).getByRole("radio", { name: /^Toxicity/ }));
    expect(within(dialog).getByText("English only: abuse in other languages is not detected.")).toBeVisible();
    await user.click(within(within(dialog).getByRole("radiogroup", { name: "Kind" })).getByRole("radio", { name: /^LLM judge/ }));
    await user.type(within(dialog).getByLabelText("Name"), "polite-judge");
    await user.clear(within(dialog).getByLabelText("Sampling rate (%)"));
    await user.type(within(dialog).getByLabelText("Sampling rate (%)"), "12.5");
    await user.clear(within(dialog).getByLabelText("Settle delay (seconds)"));
    await user.type(within(dialog).getByLabelText("Settle delay (seconds)"), "0");
    await user.type(within(dialog).getByLabelText("Release"), "2026.11");
    await user.type(within(dialog).getByLabelText("Base URL"), "http://127.0.0.1:9/v1");
    await user.type(within(dialog).getByLabelText("Judge model"), "judge-small");
    const key = within(dialog).getByLabelText("API key");
    expect(key).toHaveAttribute("type", "password");
    await user.type(key, "sk-test");
    await user.click(
      within(within(dialog).getByRole("radiogroup", { name: "What the judge scores" })).getByRole("radio", { name: /^Helpfulness/ }),
    );
    await user.type(within(dialog).getByLabelText("Daily budget (USD)"), "2.5");
    await user.type(within(dialog).getByLabelText("Timeout (seconds)"), "20");
    await user.click(within(dialog).getByRole("button", { name: "Add evaluator" }));

    await waitFor(() => {
      expect(screen.queryByRole("dialog")).toBeNull();
    });
    expect(sent).toEqual([
      {
        method: "POST",
        url: "/api/v1/projects/p1/evaluators",
        body: {
          name: "polite-judge",
          kind: "llm_judge",
          samplingRate: 0.125,
          settleSeconds: 0,
          filter: { release: "2026.11" },
          judge: {
            baseUrl: "http://127.0.0.1:9/v1",
            model: "judge-small",
            apiKey: "sk-test",
            rubric: "helpfulness",
            dailyBudgetUsd: 2.5,
            timeoutSeconds: 20,
          },
        },
      },
    ]);
  });

  it("sends a custom template instead of a rubric, and a format evaluator's JSON schema as an object", async () => {
    const user = userEvent.setup();
    const sent = stubConsoleApi(() => Response.json({}, { status: 201 }));
    renderPanel(true);
    await user.click(screen.getByRole("button", { name: "Add evaluator" }));
    let dialog = screen.getByRole("dialog", { name: "Add evaluator" });
    await user.type(within(dialog).getByLabelText("Name"), "custom-judge");
    await user.type(within(dialog).getByLabelText("Base URL"), "http://127.0.0.1:9/v1");
    await user.type(within(dialog).getByLabelText("Judge model"), "m");
    await user.click(within(dialog).getByRole("radio", { name: /^Custom template/ }));
    expect(within(dialog).getByText(/\{\{input\}\}, \{\{output\}\}, \{\{context\}\}, \{\{expected\}\}/)).toBeVisible();
    await user.type(within(dialog).getByLabelText("Template"), "Rate it: {{{{output}}");
    await user.click(within(dialog).getByRole("button", { name: "Add evaluator" }));
    await waitFor(() => {
      expect(screen.queryByRole("dialog")).toBeNull();
    });

    await user.click(screen.getByRole("button", { name: "Add evaluator" }));
    dialog = screen.getByRole("dialog", { name: "Add evaluator" });
    await user.click(within(dialog).getByRole("radio", { name: /^Format \(JSON\)/ }));
    await user.type(within(dialog).getByLabelText("Name"), "json-answers");
    await user.click(within(dialog).getByLabelText("JSON schema (optional)"));
    await user.paste('{"type": "object", "required": ["answer"]}');
    await user.click(within(dialog).getByRole("button", { name: "Add evaluator" }));
    await waitFor(() => {
      expect(screen.queryByRole("dialog")).toBeNull();
    });

    expect(sent.map((request) => request.body)).toEqual([
      {
        name: "custom-judge",
        kind: "llm_judge",
        samplingRate: 1,
        settleSeconds: 120,
        filter: {},
        judge: { baseUrl: "http://127.0.0.1:9/v1", model: "m", template: "Rate it: {{output}}" },
      },
      {
        name: "json-answers",
        kind: "format",
        samplingRate: 1,
        settleSeconds: 120,
        filter: {},
        jsonSchema: { type: "object", required: ["answer"] },
      },
    ]);
  });

  it("shows a 400 naming judge.baseUrl at the Base URL field and keeps the dialog open", async () => {
    const user = userEvent.setup();
    stubConsoleApi(() =>
      Response.json(
        {
          type: "urn:liveloop:problem:bad_request",
          title: "Bad request",
          status: 400,
          detail: "The request body is invalid",
          errors: [{ path: ["judge", "baseUrl"], message: "Use an http or https URL" }],
        },
        { status: 400 },
      ),
    );
    renderPanel(true);
    await user.click(screen.getByRole("button", { name: "Add evaluator" }));
    const dialog = screen.getByRole("dialog", { name: "Add evaluator" });
    await user.type(within(dialog).getByLabelText("Name"), "judge");
    await user.type(within(dialog).getByLabelText("Base URL"), "ftp://judge.example/v1");
    await user.type(within(dialog).getByLabelText("Judge model"), "m");
    await user.click(within(dialog).getByRole("button", { name: "Add evaluator" }));

    const baseUrl = within(dialog).getByLabelText("Base URL");
    await waitFor(() => {
      expect(baseUrl).toHaveAccessibleDescription("Use an http or https URL");
    });
    expect(baseUrl).toHaveAttribute("aria-invalid", "true");
    expect(within(dialog).getByLabelText("Judge model")).not.toHaveAttribute("aria-invalid");
    expect(screen.getByRole("dialog", { name: "Add evaluator" })).toBeInTheDocument();
  });

  it("pauses an enabled evaluator and resumes a paused one", async () => {
    const user = userEvent.setup();
    const sent = stubConsoleApi(() => Response.json({}));
    renderPanel(true);
    await user.click(screen.getByRole("button", { name: "Pause toxicity" }));
    await user.click(screen.getByRole("button", { name: "Resume helpful-judge" }));
    await waitFor(() => {
      expect(sent).toHaveLength(2);
    });
    expect(sent).toEqual([
      { method: "PATCH", url: `/api/v1/projects/p1/evaluators/${toxicity.id}`, body: { enabled: false } },
      { method: "PATCH", url: `/api/v1/projects/p1/evaluators/${judge.id}`, body: { enabled: true } },
    ]);
  });

  it("edits a judge without resending its stored key unless a new one is typed", async () => {
    const user = userEvent.setup();
    const sent = stubConsoleApi(() => Response.json({}));
    renderPanel(true);
    await user.click(screen.getByRole("button", { name: "Edit helpful-judge" }));
    const dialog = screen.getByRole("dialog", { name: "Edit helpful-judge" });
    expect(within(dialog).getByText("Stored encrypted; leave empty to keep it.")).toBeVisible();
    await user.clear(within(dialog).getByLabelText("Sampling rate (%)"));
    await user.type(within(dialog).getByLabelText("Sampling rate (%)"), "50");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => {
      expect(sent).toHaveLength(1);
    });
    expect(sent[0]).toEqual({
      method: "PATCH",
      url: `/api/v1/projects/p1/evaluators/${judge.id}`,
      body: {
        samplingRate: 0.5,
        settleSeconds: 120,
        filter: { model: "gpt-4o" },
        judge: { baseUrl: "https://judge.example/v1", model: "gpt-4o-mini", rubric: "helpfulness", dailyBudgetUsd: 5 },
      },
    });
  });
});
