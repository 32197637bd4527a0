// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import "@testing-library/jest-dom/vitest";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Theme } from "@radix-ui/themes";
import { DriftPage } from "@/components/drift/DriftPage";
import { baseline, driftView, projectId, runs } from "@/components/drift/driftView.fixture";
import { stubConsoleApi } from "@/test/stubConsoleApi";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push, refresh: () => undefined }) }));
// The charts draw on a canvas the test DOM lacks: stand-ins show what they were given to draw.
vi.mock("@/components/charts/TimeSeriesChart", () => import("@/test/chartStandIns"));
vi.mock("@/components/charts/ScatterChart", () => import("@/test/chartStandIns"));

function show(view = driftView()) {
  return render(
    <Theme>
      <DriftPage view={view} />
    </Theme>,
  );
}

beforeEach(() => {
  vi.unstubAllGlobals();
  push.mockClear();
});
afterEach(() => {
  cleanup();
});

describe("the drift page", () => {
  it("says what a baseline is when there is none, with the button to make one for a manager only", () => {
    show(driftView({ baselines: [], baseline: null, runs: [], run: null, status: { verdict: "pending", asOf: null } }));
    expect(screen.getByRole("heading", { name: "No baseline yet" })).toBeVisible();
    expect(screen.getByText(/A baseline is the set of texts the application is known to handle well/)).toBeVisible();
    expect(screen.getByRole("button", { name: "New baseline" })).toBeVisible();
    cleanup();
    show(driftView({ manageable: false, baselines: [], baseline: null, runs: [], run: null, status: { verdict: "pending", asOf: null } }));
    expect(screen.queryByRole("button", { name: "New baseline" })).toBeNull();
    expect(screen.getByText(/An owner or admin can make one/)).toBeVisible();
  });

  it("shows the current status in words with the window it is as of", () => {
    show();
    const status = screen.getByRole("status", { name: "Current status" });
    expect(status).toHaveTextContent("Drift");
    expect(status).toHaveTextContent("as of the window ending 2026-11-27 11:00 UTC");
    expect(screen.getByRole("combobox", { name: "Baseline" })).toHaveTextContent(baseline.name);
  });

  it("charts the distance with gaps where a window had too few texts, and the threshold the corrected distance must reach", () => {
    show();
    const chart = screen.getByRole("figure", { name: "Jensen-Shannon distance" });
    expect(chart).toHaveTextContent("JS distance: gap 0.6123");
    expect(chart).toHaveTextContent("Corrected for sample size: gap 0.5871");
    expect(chart).toHaveTextContent("Threshold: 0.05 0.05");
  });

  it("lists the windows newest first with p-value and verdict, each opening its explanation", () => {
    show();
    const table = screen.getByRole("table", { name: "Windows" });
    const [, newest, oldest] = within(table).getAllByRole("row");
    expect(newest).toHaveTextContent("2026-11-27 10:00 UTC");
    expect(newest).toHaveTextContent("< 0.001");
    expect(newest).toHaveTextContent("Drift");
    expect(oldest).toHaveTextContent("Not enough data");
    expect(oldest).toHaveTextContent("—");
    expect(within(oldest as HTMLElement).getByRole("link")).toHaveAttribute(
      "href",
      `/projects/${projectId}/drift?baseline=golden-v1&run=${runs[0]?.id ?? ""}`,
    );
    expect(within(newest as HTMLElement).getByRole("link")).toHaveAttribute("aria-current", "true");
  });

  it("explains the selected run: figures, clusters by contribution, novel examples linked to their traces, language and shape", () => {
    show();
    const figures = screen.getByRole("region", { name: "Figures" });
    for (const text of [
      "Jensen-Shannon distance0.612",
      "Corrected distance0.587",
      "KL divergence2.457 bits",
      "Novel share42.0%",
      "p-value< 0.001",
    ])
      expect(figures).toHaveTextContent(text);
    const clusters = within(screen.getByRole("region", { name: "Clusters" })).getAllByRole("article");
    expect(clusters.map((cluster) => cluster.getAttribute("aria-label"))).toEqual([
      "Novel: far from every cluster",
      "apples, cost, dollars",
    ]);
    expect(clusters[1]).toHaveTextContent("Shrank");
    expect(clusters[1]).toHaveTextContent("30.0%");
    expect(clusters[1]).toHaveTextContent("Janet buys 3 apples for $2 each");
    const novel = within(screen.getByRole("region", { name: "Novel examples" })).getByRole("list", { name: "novel examples" });
    const first = within(novel).getAllByRole("listitem")[0] as HTMLElement;
    expect(first).toHaveTextContent("What happens if you swallow gum?");
    expect(within(first).getByRole("link", { name: "Open trace" })).toHaveAttribute("href", `/projects/${projectId}/traces/trace-novel-1`);
    expect(within(screen.getByRole("region", { name: "Language" })).getByRole("row", { name: /German/ })).toHaveTextContent("0.0%10.0%");
    expect(within(screen.getByRole("region", { name: "Text shape" })).getByRole("row", { name: /With an emoji/ })).toHaveTextContent(
      "0.0%30.0%",
    );
    expect(screen.getByRole("figure", { name: "Map of baseline and live texts" })).toHaveTextContent(
      "Live: What happens if you swallow gum?",
    );
  });

  it("says a window had too few texts instead of showing figures for it", () => {
    show(driftView({ run: runs[0] ?? null }));
    expect(screen.getByText(/Not enough data: 12 live texts in this window, and at least 100 are needed/)).toBeVisible();
    expect(screen.queryByRole("region", { name: "Figures" })).toBeNull();
  });

  it("sends the ticked examples to review and says what happened", async () => {
    const user = userEvent.setup();
    const sent = stubConsoleApi(() => Response.json({ added: 1, alreadyQueued: 0 }));
    show();
    const region = screen.getByRole("region", { name: "Novel examples" });
    expect(within(region).queryByRole("group", { name: "Actions on novel examples" })).toBeNull();
    await user.click(within(region).getByRole("checkbox", { name: "Select: What happens if you swallow gum?" }));
    const actions = within(region).getByRole("group", { name: "Actions on novel examples" });
    await user.click(within(actions).getByRole("button", { name: "Send to review (1)" }));
    expect(await within(actions).findByRole("status")).toHaveTextContent("1 sent to review");
    expect(sent).toEqual([
      {
        method: "POST",
        url: `/api/v1/projects/${projectId}/drift/runs/${runs[1]?.id ?? ""}/review`,
        body: { traceIds: ["trace-novel-1"] },
      },
    ]);
  });

  it("adds a cluster's live texts to the golden set", async () => {
    const user = userEvent.setup();
    const sent = stubConsoleApi(() => Response.json({ added: 0, duplicates: 1, rejected: [] }));
    show();
    const cluster = screen.getByRole("article", { name: "apples, cost, dollars" });
    await user.click(within(cluster).getByRole("checkbox", { name: "Select all of live texts of apples, cost, dollars" }));
    await user.click(within(cluster).getByRole("button", { name: "Add to golden set (1)" }));
    expect(await within(cluster).findByRole("status")).toHaveTextContent("1 already there");
    expect(sent[0]?.body).toEqual({ dataset: "golden", traceIds: ["trace-apples"] });
  });

  it("shows readers the explanation without the actions", () => {
    show(driftView({ manageable: false }));
    expect(screen.getByRole("region", { name: "Novel examples" })).toHaveTextContent("What happens if you swallow gum?");
    expect(screen.queryByRole("checkbox")).toBeNull();
    expect(screen.queryByRole("button", { name: /Send to review|Run now|New baseline/ })).toBeNull();
  });
});

describe("the drift dialogs", () => {
  it("shows the API's refusal of a new baseline beside the field it names", async () => {
    const user = userEvent.setup();
    const sent = stubConsoleApi(() =>
      Response.json(
        { detail: "Invalid request", errors: [{ path: ["name"], message: "a baseline of this name exists" }] },
        { status: 400 },
      ),
    );
    show();
    await user.click(screen.getByRole("button", { name: "New baseline" }));
    const dialog = screen.getByRole("dialog", { name: "New baseline" });
    await user.type(within(dialog).getByLabelText("Name"), "golden-v1");
    await user.click(within(dialog).getByRole("button", { name: "Make baseline" }));
    const name = within(dialog).getByLabelText("Name");
    await waitFor(() => {
      expect(name).toHaveAccessibleDescription("a baseline of this name exists");
    });
    expect(sent[0]?.body).toEqual({ name: "golden-v1", field: "input", embedder: "lexstyle-v1", dataset: "golden", version: "latest" });
    expect(push).not.toHaveBeenCalled();
  });

  it("asks for a baseline's name before sending anything", async () => {
    const user = userEvent.setup();
    const sent = stubConsoleApi(() => Response.json({}, { status: 201 }));
    show();
    await user.click(screen.getByRole("button", { name: "New baseline" }));
    const dialog = screen.getByRole("dialog", { name: "New baseline" });
    await user.click(within(dialog).getByRole("button", { name: "Make baseline" }));
    expect(within(dialog).getByLabelText("Name")).toHaveAccessibleDescription("Give the baseline a name");
    expect(sent).toEqual([]);
  });

  it("runs a window now, follows its progress and opens it when it is done", async () => {
    const user = userEvent.setup();
    let polls = 0;
    const run = runs[1];
    if (!run) throw new Error("fixture run missing");
    const sent = stubConsoleApi((request) => {
      if (request.method === "POST") return Response.json({ id: "run-now" }, { status: 202 });
      polls += 1;
      return Response.json({
        ...run,
        id: "run-now",
        window: "custom",
        status: polls < 2 ? "running" : "done",
        progress: polls < 2 ? 0.4 : 1,
      });
    });
    show();
    await user.click(screen.getByRole("button", { name: "Run now" }));
    const dialog = screen.getByRole("dialog", { name: "Run now" });
    await user.clear(within(dialog).getByLabelText("From (UTC)"));
    await user.type(within(dialog).getByLabelText("From (UTC)"), "2026-11-27T10:00");
    await user.clear(within(dialog).getByLabelText("To (UTC)"));
    await user.type(within(dialog).getByLabelText("To (UTC)"), "2026-11-27T12:00");
    await user.click(within(dialog).getByRole("button", { name: "Run" }));
    expect(await within(dialog).findByText("Running: 40%")).toBeVisible();
    await waitFor(
      () => {
        expect(push).toHaveBeenCalledWith(`/projects/${projectId}/drift?baseline=golden-v1&run=run-now`);
      },
      { timeout: 3000 },
    );
    expect(sent[0]).toEqual({
      method: "POST",
      url: `/api/v1/projects/${projectId}/drift/runs`,
      body: { baseline: baseline.id, from: "2026-11-27T10:00:00.000Z", to: "2026-11-27T12:00:00.000Z" },
    });
  });
});
