// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import "@testing-library/jest-dom/vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Theme } from "@radix-ui/themes";
import type { AlertChannelView, AlertPreview, AlertRuleSummary } from "@/contracts/alerts";
import { AlertRuleDialog } from "@/components/alerts/AlertRuleDialog";

const refresh = vi.fn();
const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh, push }) }));
// The chart draws on a canvas the test DOM lacks: a stand-in shows what it was given to draw.
vi.mock("@/components/charts/TimeSeriesChart", () => import("@/test/chartStandIns"));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  refresh.mockReset();
  push.mockReset();
});

const projectId = "8d6d3c1e-5b5f-4f8e-9d0a-2b1c3d4e5f60";
const channel: AlertChannelView = {
  id: "0b3c7a52-1d2e-4f60-8a9b-0c1d2e3f4a5b",
  name: "on-call",
  type: "webhook",
  url: "https://hooks.example.com/liveloop",
  to: [],
  failing: false,
  consecutiveFailures: 0,
  lastError: null,
  lastDeliveredAt: null,
  rules: 1,
  createdAt: "2026-11-20T10:00:00.000Z",
};
const rule: AlertRuleSummary = {
  id: "5f1e2d3c-4b5a-4968-8776-655443322110",
  name: "p95 latency above 5 s",
  metric: "latencyP95Ms",
  metricLabel: "Latency p95",
  filter: { model: "gpt-5-mini" },
  groupBy: null,
  windowSeconds: 300,
  condition: { op: "above", threshold: 5000, warning: 3000, recovery: 4500 },
  forSeconds: 1800,
  keepFiringForSeconds: 600,
  minSamples: 50,
  severity: "critical",
  reminderSeconds: 3600,
  preset: "latency_p95",
  enabled: true,
  channels: [{ id: channel.id, name: channel.name, type: channel.type, failing: false }],
  state: "ok",
  firingSeverity: null,
  evaluatedAt: "2026-11-28T09:00:00.000Z",
  lastError: null,
  createdAt: "2026-11-20T10:00:00.000Z",
  updatedAt: "2026-11-20T10:00:00.000Z",
};
const preview: AlertPreview = {
  from: "2026-11-21T09:00:00.000Z",
  to: "2026-11-28T09:00:00.000Z",
  stepSeconds: 1800,
  relative: false,
  levels: { threshold: 5000, warning: 3000, recovery: 4500, warningRecovery: null },
  series: [
    {
      group: "",
      points: [
        { t: "2026-11-28T08:30:00.000Z", value: 2500, compared: 2500, samples: 120 },
        { t: "2026-11-28T09:00:00.000Z", value: 6200, compared: 6200, samples: 130 },
      ],
    },
  ],
  firings: [{ group: "", from: "2026-11-28T09:00:00.000Z", to: null, severity: "critical" }],
};

interface Sent {
  method: string;
  url: string;
  body: unknown;
}

/** Answers the preview with `preview` and the save with `answer`, recording what was sent. */
function stubApi(answer: () => Response): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal("fetch", (url: string, init: RequestInit) => {
    const body = JSON.parse(typeof init.body === "string" ? init.body : "null") as unknown;
    if (url.endsWith("/preview")) return Promise.resolve(Response.json(preview));
    sent.push({ method: init.method ?? "GET", url, body });
    return Promise.resolve(answer());
  });
  return sent;
}

function renderDialog() {
  render(
    <Theme>
      <AlertRuleDialog projectId={projectId} choices={{ channels: [channel], scoreNames: ["hallucination"], baselines: [] }} rule={rule} />
    </Theme>,
  );
}

describe("changing an alert rule", () => {
  it("opens with the saved rule, and saves the whole rule as shown with the change", async () => {
    const sent = stubApi(() => Response.json({ ...rule, instances: [], history: [], deliveries: [], silences: [] }));
    const user = userEvent.setup();
    renderDialog();
    await user.click(screen.getByRole("button", { name: "Change" }));
    const dialog = within(screen.getByRole("dialog", { name: "Change alert rule" }));
    expect(dialog.queryByRole("group", { name: "Presets" })).not.toBeInTheDocument();
    expect(dialog.getByLabelText("Threshold (critical)")).toHaveValue("5000");
    expect(dialog.getByLabelText("Warning")).toHaveValue("3000");
    expect(dialog.getByLabelText("For (minutes)")).toHaveValue("30");
    expect(dialog.getByLabelText("Only model")).toHaveValue("gpt-5-mini");
    expect(dialog.getByLabelText("Remind every (minutes)")).toHaveValue("60");
    expect(dialog.getByRole("checkbox", { name: "on-call (webhook)" })).toBeChecked();
    // The saved rule is replayed as soon as the dialog opens.
    expect(await dialog.findByRole("figure", { name: "Last 7 days" })).toHaveTextContent("Value: 2500 6200");
    expect(dialog.getByText(/Would have fired 1 time in the last 7 days/)).toBeInTheDocument();

    const threshold = dialog.getByLabelText("Threshold (critical)");
    await user.clear(threshold);
    await user.type(threshold, "6000");
    await user.clear(dialog.getByLabelText("Only model"));
    await user.type(dialog.getByLabelText("Only release"), "2026.11.2");
    await user.click(dialog.getByRole("button", { name: "Save changes" }));

    expect(sent).toEqual([
      {
        method: "PATCH",
        url: `/api/v1/projects/${projectId}/alert-rules/${rule.id}`,
        body: {
          name: rule.name,
          metric: "latencyP95Ms",
          filter: { release: "2026.11.2" },
          groupBy: null,
          windowSeconds: 300,
          condition: { op: "above", threshold: 6000, warning: 3000, recovery: 4500 },
          forSeconds: 1800,
          keepFiringForSeconds: 600,
          minSamples: 50,
          severity: "critical",
          reminderSeconds: 3600,
          channels: [channel.id],
          preset: "latency_p95",
        },
      },
    ]);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("a warning rule has no warning level; an empty reminder turns reminders off", async () => {
    const sent = stubApi(() => Response.json({ ...rule, instances: [], history: [], deliveries: [], silences: [] }));
    const user = userEvent.setup();
    renderDialog();
    await user.click(screen.getByRole("button", { name: "Change" }));
    const dialog = within(screen.getByRole("dialog", { name: "Change alert rule" }));
    await user.click(dialog.getByRole("combobox", { name: "Severity" }));
    await user.click(screen.getByRole("option", { name: "Warning" }));
    expect(dialog.queryByLabelText("Warning recovery")).not.toBeInTheDocument();
    expect(dialog.getByLabelText("Threshold (warning)")).toHaveValue("5000");
    await user.clear(dialog.getByLabelText("Remind every (minutes)"));
    await user.click(dialog.getByRole("button", { name: "Save changes" }));
    expect(sent[0]?.body).toMatchObject({
      severity: "warning",
      condition: { op: "above", threshold: 5000, recovery: 4500 },
      reminderSeconds: null,
    });
    expect((sent[0]?.body as { condition: object }).condition).not.toHaveProperty("warning");
  });

  it("a refused change is shown at its field and the dialog stays open with the person's input", async () => {
    stubApi(() =>
      Response.json(
        {
          detail: "The rule as changed is not valid",
          errors: [
            { path: ["condition", "recovery"], message: "recovery must be at most the level (4000), or the alert could never recover" },
          ],
        },
        { status: 400 },
      ),
    );
    const user = userEvent.setup();
    renderDialog();
    await user.click(screen.getByRole("button", { name: "Change" }));
    const dialog = within(screen.getByRole("dialog", { name: "Change alert rule" }));
    const threshold = dialog.getByLabelText("Threshold (critical)");
    await user.clear(threshold);
    await user.type(threshold, "4000");
    await user.click(dialog.getByRole("button", { name: "Save changes" }));
    expect(dialog.getByLabelText("Recovery")).toHaveAccessibleDescription(
      "recovery must be at most the level (4000), or the alert could never recover",
    );
    expect(threshold).toHaveValue("4000");
    expect(refresh).not.toHaveBeenCalled();
  });
});
