import { describe, expect, it } from "vitest";
import type { TraceView } from "@/contracts/traces";
import { scoreColumns, traceListFilters, traceSteps } from "@/server/traces/traceConsole";
import { listTraces } from "@/server/traces/traceQueries";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { ingestScores } from "@/server/scores/ingestScores";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";

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

describe("the score filter in the trace list's URL", () => {
  const scoreOf = (score: string) => traceListFilters({ score }, now);

  it("reads <name> <op> <value> with or without spaces: numbers, booleans and categories", () => {
    expect(scoreOf("relevance < 0.5").query.score).toEqual({ name: "relevance", operator: "<", value: 0.5 });
    expect(scoreOf("relevance>=0.75").query.score).toEqual({ name: "relevance", operator: ">=", value: 0.75 });
    expect(scoreOf("pii_leak = true").query.score).toEqual({ name: "pii_leak", operator: "=", value: true });
    expect(scoreOf("judge:tone != friendly").query.score).toEqual({ name: "judge:tone", operator: "!=", value: "friendly" });
    expect(scoreOf("toxicity <= -1e-3").query.score).toEqual({ name: "toxicity", operator: "<=", value: -0.001 });
  });

  it("reports a filter it cannot read, and keeps none", () => {
    for (const bad of ["relevance", "relevance ~ 0.5", "< 0.5", "relevance < high", "relevance < "]) {
      const { query, error } = scoreOf(bad);
      expect(error, bad).toMatch(/^score: /);
      expect(query.score).toBeUndefined();
    }
  });
});

describe.each(await testDatabaseKinds())("the score filter on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("lists the traces with a score of the name matching, by number, boolean and category", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await ingestTraces(
      test.database,
      project.id,
      ["a", "b", "c", "d"].map((id, index) => ({ id, startTime: `2026-03-01T10:0${index}:00Z`, endTime: `2026-03-01T10:0${index}:01Z` })),
    );
    const stored = await ingestScores(
      test.database,
      project.id,
      [
        { traceId: "a", name: "relevance", value: 0.3 },
        { traceId: "b", name: "relevance", value: 0.5 },
        { traceId: "c", name: "relevance", value: 0.9 },
        { traceId: "a", name: "pii_leak", value: true },
        { traceId: "b", name: "pii_leak", value: false },
        { traceId: "c", name: "topic", category: "billing" },
        { traceId: "d", name: "topic", category: "login" },
      ],
      new Date("2026-03-01T11:00:00Z"),
    );
    expect(stored.rejected).toEqual([]);
    const ids = async (score: string) => {
      const { query, error } = traceListFilters({ score }, now);
      expect(error).toBeNull();
      return (await listTraces(test.database, project.id, query)).data.map((trace) => trace.id);
    };
    // Newest first; d has no relevance score, so matches none of these.
    expect(await ids("relevance < 0.5")).toEqual(["a"]);
    expect(await ids("relevance <= 0.5")).toEqual(["b", "a"]);
    expect(await ids("relevance > 0.5")).toEqual(["c"]);
    expect(await ids("relevance != 0.5")).toEqual(["c", "a"]);
    expect(await ids("pii_leak = true")).toEqual(["a"]);
    expect(await ids("pii_leak = false")).toEqual(["b"]);
    expect(await ids("topic = billing")).toEqual(["c"]);
    expect(await ids("topic != billing")).toEqual(["d"]);
    expect(await ids("hallucination >= 0")).toEqual([]);
  });
});

describe("scoreColumns", () => {
  const s = (traceId: string, name: string, value: number | boolean | null, category: string | null = null) => ({
    traceId,
    name,
    value,
    category,
  });

  it("shows the names most traces of the page have, at most four, each trace with its latest score", () => {
    const { columns, cells } = scoreColumns(
      [
        // Newest first: t1's 0.9 replaces its older 0.2.
        s("t1", "relevance", 0.9),
        s("t1", "relevance", 0.2),
        s("t2", "relevance", 0.4),
        s("t3", "relevance", 0.1),
        s("t1", "pii_leak", true),
        s("t2", "pii_leak", false),
        s("t1", "toxicity", 0.1),
        s("t1", "format", true),
        s("t1", "topic", null, "billing"),
      ],
      undefined,
    );
    // relevance on 3 traces, pii_leak on 2, then the 1-trace names alphabetically; topic is the fifth.
    expect(columns).toEqual(["relevance", "pii_leak", "format", "topic"]);
    expect(cells.get("t1")?.relevance).toEqual({ value: 0.9, category: null });
    expect(cells.get("t2")?.pii_leak).toEqual({ value: false, category: null });
  });

  it("puts the filtered score first, even when no trace of the page has it", () => {
    expect(scoreColumns([s("t1", "relevance", 0.9)], "hallucination").columns).toEqual(["hallucination", "relevance"]);
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
