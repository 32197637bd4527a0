// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import "@testing-library/jest-dom/vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Theme } from "@radix-ui/themes";
import type { Score, ScoreCorrection } from "@/contracts/scores";
import type { ScoreDisplayConfig } from "@/server/traces/traceConsole";
import type { TraceScoreCorrections } from "@/server/scores/traceScoreCorrections";
import { TraceScores } from "@/components/scores/TraceScores";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined }) }));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const score = (overrides: Partial<Score>): Score => ({
  id: overrides.name ?? "s",
  traceId: "t1",
  spanId: null,
  name: "relevance",
  dataType: "numeric",
  value: 0.5,
  category: null,
  source: "api",
  evaluator: null,
  evaluatorVersion: null,
  comment: null,
  costUsd: null,
  correctsScoreId: null,
  createdAt: "2026-03-01T10:00:00.000Z",
  ...overrides,
});

const unbounded = { minValue: null, maxValue: null, categories: [] };
const configs: Record<string, ScoreDisplayConfig> = {
  pii_leak: { dataType: "boolean", higherIsBetter: false, reviewThreshold: 1, description: null, ...unbounded },
  format: { dataType: "boolean", higherIsBetter: true, reviewThreshold: 0, description: null, ...unbounded },
  relevance: { dataType: "numeric", higherIsBetter: true, reviewThreshold: 0.2, description: null, ...unbounded, minValue: 0, maxValue: 1 },
};

function rowOf(label: string) {
  const header = screen.getByRole("rowheader", { name: new RegExp(`^${label}`) });
  const row = header.closest("tr");
  if (!row) throw new Error(`no row for ${label}`);
  return within(row);
}

describe("a trace's scores", () => {
  it("shows each score by label, formatted for its type, coloured by its config's direction, with its source and cost", () => {
    render(
      <Theme>
        <TraceScores
          configs={configs}
          scores={[
            score({ name: "pii_leak", dataType: "boolean", value: true, source: "evaluator", evaluator: "pii_leak", evaluatorVersion: 2 }),
            score({ name: "format", dataType: "boolean", value: true }),
            score({
              name: "relevance",
              value: 0.125,
              source: "evaluator",
              evaluator: "judge-relevance",
              evaluatorVersion: 1,
              costUsd: 0.0004,
            }),
            score({ name: "topic", dataType: "categorical", value: null, category: "billing", source: "annotation" }),
          ]}
        />
      </Theme>,
    );
    // "Yes" is bad for a PII leak and good for a valid format.
    expect(rowOf("PII leak").getByText("Yes")).toHaveAttribute("title", "At or past the review threshold");
    expect(rowOf("PII leak").getByText("pii_leak v2")).toBeInTheDocument();
    expect(rowOf("Valid format").getByText("Yes")).toHaveAttribute("title", "Within the review threshold");
    expect(rowOf("Valid format").getByText("API")).toBeInTheDocument();
    // 0.125 is at or below relevance's 0.2: bad.
    expect(rowOf("Relevance").getByText("0.13")).toHaveAttribute("title", "At or past the review threshold");
    expect(rowOf("Relevance").getByText("$0.00040")).toBeInTheDocument();
    expect(rowOf("Topic").getByText("billing")).toBeInTheDocument();
    expect(rowOf("Topic").getByText("Annotation")).toBeInTheDocument();
  });

  it("folds a long explanation and opens it on request", async () => {
    const explanation = `${"The answer cites a passage that does not say this. ".repeat(10)}The end.`;
    render(
      <Theme>
        <TraceScores configs={configs} scores={[score({ comment: explanation })]} />
      </Theme>,
    );
    expect(screen.queryByText(/The end\./)).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: /Show all/ }));
    expect(screen.getByText(/The end\./)).toBeInTheDocument();
  });

  it("says so when the trace has no scores", () => {
    render(
      <Theme>
        <TraceScores configs={{}} scores={[]} />
      </Theme>,
    );
    expect(screen.getByText(/No scores on this trace yet/)).toBeInTheDocument();
  });
});

const projectId = "6f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f";
const judgeScore = score({
  id: "eval:j:v1:t1:relevance",
  name: "relevance",
  value: 0.2,
  source: "evaluator",
  evaluator: "relevance_judge",
  evaluatorVersion: 1,
  comment: "Off topic.",
});
const piiScore = score({
  id: "eval:p:v1:t1:pii_leak",
  name: "pii_leak",
  dataType: "boolean",
  value: false,
  source: "evaluator",
  evaluator: "pii_leak",
  evaluatorVersion: 1,
});
const apiScore = score({ id: "api-1", name: "format", dataType: "boolean", value: true });
const anaCorrection: ScoreCorrection = {
  ...judgeScore,
  id: "correction:eval:j:v1:t1:relevance:ana",
  source: "annotation",
  evaluator: null,
  evaluatorVersion: null,
  value: 0.9,
  comment: "It answers the question.",
  correctsScoreId: judgeScore.id,
  useAsExample: true,
  authorId: "ana",
  author: "Ana",
};
const asAnnotator = (overrides: Partial<TraceScoreCorrections> = {}): TraceScoreCorrections => ({
  canCorrect: true,
  viewerId: "ben",
  corrections: [],
  judgeScoreIds: [judgeScore.id],
  ...overrides,
});

describe("correcting an evaluator's score", () => {
  it("shows a correction beside the score it corrects, not as a row of its own", () => {
    render(
      <Theme>
        <TraceScores
          configs={configs}
          scores={[anaCorrection, judgeScore]}
          projectId={projectId}
          corrections={asAnnotator({ corrections: [anaCorrection] })}
        />
      </Theme>,
    );
    expect(screen.getAllByRole("rowheader", { name: /^Relevance/ })).toHaveLength(1);
    const relevance = rowOf("Relevance");
    expect(relevance.getByText("0.20")).toBeInTheDocument();
    expect(relevance.getByText(/corrected to/)).toHaveTextContent("→ corrected to 0.90 by Ana");
    expect(relevance.getByText("Few-shot example")).toBeInTheDocument();
    expect(relevance.getByText("It answers the question.")).toBeInTheDocument();
  });

  it("offers the correction to people who may annotate, on evaluator scores only", () => {
    const scores = [judgeScore, piiScore, apiScore];
    const { unmount } = render(
      <Theme>
        <TraceScores configs={configs} scores={scores} projectId={projectId} corrections={asAnnotator({ canCorrect: false })} />
      </Theme>,
    );
    expect(screen.queryByRole("button", { name: /^Correct/ })).not.toBeInTheDocument();
    unmount();
    render(
      <Theme>
        <TraceScores configs={configs} scores={scores} projectId={projectId} corrections={asAnnotator()} />
      </Theme>,
    );
    expect(screen.getAllByRole("button", { name: /^Correct/ }).map((button) => button.getAttribute("aria-label"))).toEqual([
      "Correct Relevance by relevance_judge v1",
      "Correct PII leak by pii_leak v1",
    ]);
  });

  it("sends the annotator's score, reasoning and example choice, and shows the API's refusal at the field", async () => {
    const sent: { method: string; url: string; body: unknown }[] = [];
    let answer: () => Response = () =>
      Response.json(
        {
          detail: "relevance must be between 0 and 1; got 1.5",
          errors: [{ path: ["value"], message: "relevance must be between 0 and 1; got 1.5" }],
        },
        { status: 400 },
      );
    vi.stubGlobal("fetch", (url: string, init: RequestInit) => {
      sent.push({ method: init.method ?? "GET", url, body: JSON.parse(typeof init.body === "string" ? init.body : "null") as unknown });
      return Promise.resolve(answer());
    });
    const user = userEvent.setup();
    render(
      <Theme>
        <TraceScores configs={configs} scores={[judgeScore]} projectId={projectId} corrections={asAnnotator()} />
      </Theme>,
    );
    await user.click(screen.getByRole("button", { name: "Correct Relevance by relevance_judge v1" }));
    const dialog = within(screen.getByRole("dialog", { name: "Correct Relevance" }));
    expect(dialog.getByText("From 0.00 to 1.00")).toBeInTheDocument();
    const value = dialog.getByLabelText("Corrected score");
    expect(value).toHaveValue(0.2);

    // Without a reason the form says so before anything is sent.
    await user.click(dialog.getByRole("button", { name: "Save correction" }));
    expect(dialog.getByLabelText("Reasoning")).toHaveAccessibleDescription("Say why the score should be different");
    expect(sent).toHaveLength(0);

    await user.clear(value);
    await user.type(value, "1.5");
    await user.type(dialog.getByLabelText("Reasoning"), "It answers the question.");
    await user.click(dialog.getByRole("checkbox", { name: "Use as few-shot example for relevance_judge" }));
    await user.click(dialog.getByRole("button", { name: "Save correction" }));
    expect(value).toHaveAccessibleDescription("relevance must be between 0 and 1; got 1.5");
    expect(value).toHaveAttribute("aria-invalid", "true");

    answer = () => Response.json(anaCorrection);
    await user.clear(value);
    await user.type(value, "0.9");
    await user.click(dialog.getByRole("button", { name: "Save correction" }));
    expect(sent.at(-1)).toEqual({
      method: "PUT",
      url: `/api/v1/projects/${projectId}/scores/${encodeURIComponent(judgeScore.id)}/correction`,
      body: { value: 0.9, comment: "It answers the question.", useAsExample: true },
    });
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("offers no few-shot example for a built-in evaluator, and a Yes/No choice for a boolean score", async () => {
    const user = userEvent.setup();
    render(
      <Theme>
        <TraceScores configs={configs} scores={[piiScore]} projectId={projectId} corrections={asAnnotator()} />
      </Theme>,
    );
    await user.click(screen.getByRole("button", { name: "Correct PII leak by pii_leak v1" }));
    const dialog = within(screen.getByRole("dialog", { name: "Correct PII leak" }));
    expect(dialog.getByRole("combobox", { name: "Corrected value" })).toHaveTextContent("No");
    expect(dialog.queryByRole("checkbox")).not.toBeInTheDocument();
  });
});
