// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import "@testing-library/jest-dom/vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import { Theme } from "@radix-ui/themes";
import { summariseFeedback } from "@/server/feedback/feedbackSummary";
import { traceListFilters, type TraceListRow } from "@/server/traces/traceConsole";
import { TraceFilters } from "@/components/traces/TraceFilters";
import { TraceList } from "@/components/traces/TraceList";

afterEach(cleanup);

const row = (id: string, scores: TraceListRow["scores"]): TraceListRow => ({
  id,
  name: id,
  startTime: "2026-03-01T10:00:00.000Z",
  input: "Where is my order?",
  output: "On its way",
  model: "gpt-4o",
  latencyMs: 800,
  costUsd: null,
  status: "ok",
  feedback: summariseFeedback([]),
  scores,
});

describe("score columns in the trace list", () => {
  it("heads each column with the score's label and shows each trace's value, or a dash without one", () => {
    render(
      <Theme>
        <TraceList
          projectId="p1"
          scoreColumns={["relevance", "pii_leak"]}
          rows={[
            row("first", { relevance: { value: 0.456, category: null }, pii_leak: { value: true, category: null } }),
            row("second", { relevance: { value: 0.9, category: null } }),
          ]}
        />
      </Theme>,
    );
    expect(screen.getAllByRole("columnheader").map((cell) => cell.textContent)).toEqual(expect.arrayContaining(["Relevance", "PII leak"]));
    // The row header names the trace and, under it, its model (no Model column: the list fits a laptop).
    expect(screen.getByRole("rowheader", { name: "second gpt-4o" })).toBeInTheDocument();
    const second = screen.getByRole("link", { name: "second" }).closest("tr");
    if (!second) throw new Error("no row");
    const headers = screen.getAllByRole("columnheader").map((cell) => cell.textContent);
    const cells = within(second)
      .getAllByRole("cell")
      .map((cell) => cell.textContent);
    // Cells skip the row header: shift the header index by one.
    const at = (label: string) => cells[headers.indexOf(label) - 1];
    expect(at("Relevance")).toBe("0.90");
    expect(at("PII leak")).toBe("—");
    const first = screen.getByRole("link", { name: "first" }).closest("tr");
    if (!first) throw new Error("no row");
    expect(within(first).getByText("Yes")).toBeInTheDocument();
    expect(within(first).getByText("0.46")).toBeInTheDocument();
  });

  it("shows the score filter of the URL in its field, counted among the open filters", () => {
    const filters = traceListFilters({ score: "relevance<0.5" }, new Date("2026-03-02T00:00:00Z"));
    render(
      <Theme>
        <TraceFilters filters={filters} />
      </Theme>,
    );
    expect(screen.getByRole("textbox", { name: "Score filter" })).toHaveValue("relevance < 0.5");
    expect(screen.getByRole("button", { name: "More filters (1)" })).toHaveAttribute("aria-expanded", "true");
  });
});
