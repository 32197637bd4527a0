import { describe, expect, it } from "vitest";
import type { SpanView } from "@/contracts/traces";
import { layoutWaterfall } from "@/server/traces/waterfall";

const t0 = Date.parse("2026-01-01T00:00:00Z");
function span(id: string, parentId: string | null, startMs: number, endMs: number | null): SpanView {
  return {
    id,
    parentId,
    orphan: false,
    type: "other",
    name: id,
    input: null,
    output: null,
    model: null,
    servedModel: null,
    usage: null,
    startTime: new Date(t0 + startMs).toISOString(),
    endTime: endMs === null ? null : new Date(t0 + endMs).toISOString(),
    firstTokenTime: null,
    latencyMs: null,
    costUsd: null,
    status: "ok",
    error: null,
    attributes: null,
  };
}

describe("layoutWaterfall", () => {
  it("nests children under parents in start order and scales bars to the trace", () => {
    const rows = layoutWaterfall(
      [span("llm", "root", 200, 1000), span("root", null, 0, 1000), span("search", "root", 0, 200), span("rerank", "search", 100, 150)],
      new Date(t0).toISOString(),
      new Date(t0 + 1000).toISOString(),
    );
    expect(rows.map((row) => [row.span.id, row.depth, row.offsetPercent, row.widthPercent])).toEqual([
      ["root", 0, 0, 100],
      ["search", 1, 0, 20],
      ["rerank", 2, 10, 5],
      ["llm", 1, 20, 80],
    ]);
  });

  it("puts orphans at the root, runs open spans to the end, and survives parent cycles", () => {
    const rows = layoutWaterfall(
      [span("a", "b", 0, 10), span("b", "a", 0, 10), span("lost", "missing", 500, null)],
      new Date(t0).toISOString(),
      new Date(t0 + 1000).toISOString(),
    );
    expect(rows.map((row) => [row.span.id, row.depth, row.offsetPercent, row.widthPercent])).toEqual([
      ["lost", 0, 50, 50],
      ["a", 0, 0, 100],
      ["b", 0, 0, 100],
    ]);
  });
});
