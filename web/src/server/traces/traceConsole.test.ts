import { describe, expect, it } from "vitest";
import type { TraceView } from "@/contracts/traces";
import { traceListFilters, traceSteps } from "@/server/traces/traceConsole";

const now = new Date("2026-11-27T12:00:00Z");

describe("traceListFilters", () => {
  it("drops blanks, reads datetime-local values as UTC and fixes the page size", () => {
    const { query, shown, error } = traceListFilters(
      { q: " refund ", from: "2026-11-01T10:30", to: "", status: "error", model: undefined, limit: "500" },
      now,
    );
    expect(error).toBeNull();
    expect(query).toEqual({ q: "refund", from: "2026-11-01T10:30:00Z", status: "error", limit: 50 });
    expect(shown).toEqual({ range: undefined, from: "2026-11-01T10:30:00Z", to: undefined });
  });

  it("turns a preset range into a start time before now", () => {
    const { query, shown } = traceListFilters({ range: "24h" }, now);
    expect(query.from).toBe("2026-11-26T12:00:00.000Z");
    expect(shown.range).toBe("24h");
    expect(traceListFilters({ range: "1h" }, now).query.from).toBe("2026-11-27T11:00:00.000Z");
  });

  it("reports an invalid filter and falls back to no filters", () => {
    const { query, error } = traceListFilters({ status: "broken", range: "2w" }, now);
    expect(error).toMatch(/^status: .+; range: /);
    expect(query).toEqual({ limit: 50 });
  });
});

describe("traceSteps", () => {
  const span = (id: string, input: TraceView["input"], output: TraceView["output"]): TraceView["spans"][number] => ({
    id,
    parentId: null,
    orphan: false,
    type: "llm",
    name: id,
    input,
    output,
    model: null,
    servedModel: null,
    usage: null,
    startTime: "2026-11-27T10:00:00.000Z",
    endTime: "2026-11-27T10:00:01.000Z",
    firstTokenTime: null,
    latencyMs: 1000,
    costUsd: null,
    status: "ok",
    error: null,
    attributes: null,
  });

  it("does not repeat the trace's input or output in a step that has exactly the same", () => {
    const input = [{ role: "user" as const, content: "Where is my order?" }];
    const trace = {
      input,
      output: "On its way",
      startTime: "2026-11-27T10:00:00.000Z",
      endTime: "2026-11-27T10:00:01.000Z",
      spans: [span("answer", [{ role: "user", content: "Where is my order?" }], "On its way"), span("lookup", "order 7", "shipped")],
    } as TraceView;
    const [answer, lookup] = traceSteps(trace);
    expect(answer?.sameAsTrace).toEqual({ input: true, output: true });
    expect(answer?.span.input).toBeNull();
    expect(lookup?.sameAsTrace).toEqual({ input: false, output: false });
    expect(lookup?.span.input).toBe("order 7");
  });
});
