import { describe, expect, it } from "vitest";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { getTrace, listTraces } from "@/server/traces/traceQueries";
import { traceListQuerySchema } from "@/contracts/traces";
import { NotFoundError } from "@/server/errors";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";

const start = "2026-05-01T10:00:00.000Z";
const at = (ms: number) => new Date(Date.parse(start) + ms).toISOString();

function chatTrace(id: string, fields: Record<string, unknown> = {}) {
  return {
    id,
    name: "chat",
    sessionId: "s-1",
    userId: "u-1",
    input: [
      { role: "system", content: "You are a bank assistant." },
      { role: "user", content: "What is my balance?" },
    ],
    output: "Your balance is 42 EUR.",
    model: "gpt-4o-mini",
    release: "v1.2.0",
    promptTemplate: "You are a {{kind}} assistant.",
    promptVersion: "7",
    config: { temperature: 0.2, maxTokens: 256 },
    startTime: start,
    firstTokenTime: at(180),
    endTime: at(900),
    spans: [
      { id: "retrieve", type: "retrieval", name: "search accounts", startTime: at(0), endTime: at(100) },
      {
        id: "llm",
        parentId: "retrieve",
        type: "llm",
        name: "answer",
        model: "gpt-4o-mini",
        usage: { inputTokens: 1000, outputTokens: 100 },
        startTime: at(100),
        endTime: at(900),
      },
    ],
    ...fields,
  };
}

const list = (fields: Record<string, unknown> = {}) => traceListQuerySchema.parse(fields);

describe.each(await testDatabaseKinds())("trace ingest on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("keeps the served snapshot beside the model asked for, on the trace and its spans", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const base = chatTrace("t-served");
    await ingestTraces(test.database, project.id, [
      {
        ...base,
        servedModel: "gpt-4o-mini-2024-07-18",
        spans: base.spans.map((span) => (span.id === "llm" ? { ...span, servedModel: "gpt-4o-mini-2024-07-18" } : span)),
      },
    ]);
    const trace = await getTrace(test.database, project.id, "t-served");
    expect(trace).toMatchObject({ model: "gpt-4o-mini", servedModel: "gpt-4o-mini-2024-07-18" });
    expect(trace.spans.map((span) => [span.id, span.model, span.servedModel])).toEqual([
      ["retrieve", null, null],
      ["llm", "gpt-4o-mini", "gpt-4o-mini-2024-07-18"],
    ]);
    const listed = await listTraces(test.database, project.id, list({ model: "gpt-4o-mini" }));
    expect(listed.data.map((row) => [row.id, row.servedModel])).toEqual([["t-served", "gpt-4o-mini-2024-07-18"]]);
  });

  it("stores a trace with its spans and derives latency, TTFT, tokens and cost", async () => {
    const { project } = await createProjectWithKeys(test.database);
    expect(await ingestTraces(test.database, project.id, [chatTrace("t-1")])).toEqual({ accepted: ["t-1"], duplicates: [], rejected: [] });
    const trace = await getTrace(test.database, project.id, "t-1");
    expect(trace).toMatchObject({
      latencyMs: 900,
      ttftMs: 180,
      usage: { inputTokens: 1000, outputTokens: 100 },
      costSource: "computed",
      feedback: [],
      scores: [],
    });
    expect(trace.costUsd).toBeCloseTo((1000 * 0.15 + 100 * 0.6) / 1e6, 12);
    expect(trace.spans.map((s) => [s.id, s.parentId, s.orphan, s.latencyMs])).toEqual([
      ["retrieve", null, false, 100],
      ["llm", "retrieve", false, 800],
    ]);
    expect(trace.config).toEqual({ temperature: 0.2, maxTokens: 256 });
  });

  it("answers each bad trace with its index and stores the good ones", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const result = await ingestTraces(test.database, project.id, [
      chatTrace("good"),
      chatTrace("backwards", { endTime: at(-1) }),
      chatTrace("weird-span", { spans: [{ id: "x", type: "database", name: "x", startTime: start }] }),
      { nonsense: true },
    ]);
    expect(result.accepted).toEqual(["good"]);
    expect(result.rejected.map((r) => [r.id, r.index, r.status])).toEqual([
      ["backwards", 1, 400],
      ["weird-span", 2, 400],
      [null, 3, 400],
    ]);
    expect(result.rejected[0]?.message).toMatch(/endTime is before startTime/);
    expect(result.rejected[1]?.message).toMatch(/spans\.0\.type/);
    expect(await test.database.trace.count({ where: { projectId: project.id } })).toBe(1);
  });

  it("stores tool calls in OpenAI's shape and refuses tool messages without an id or answering no call, naming the message", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const question = { role: "user", content: "Weather in Paris?" };
    const calls = {
      role: "assistant",
      content: null,
      tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }],
    };
    const result = await ingestTraces(test.database, project.id, [
      chatTrace("tools", { input: [question, calls, { role: "tool", tool_call_id: "call_1", content: "18" }], output: "18 °C." }),
      chatTrace("no-id", { input: [question, calls, { role: "tool", content: "18" }] }),
      chatTrace("unanswered", { input: [question, { role: "tool", tool_call_id: "call_1", content: "18" }] }),
      chatTrace("camel", { input: [question, calls, { role: "tool", toolCallId: "call_1", content: "18" }] }),
    ]);
    expect(result.accepted).toEqual(["tools"]);
    expect(result.rejected.map((rejection) => [rejection.id, rejection.status, rejection.message])).toEqual([
      ["no-id", 400, "input.2.tool_call_id: a tool message needs the tool_call_id of the assistant tool call it answers"],
      ["unanswered", 400, "input.1.tool_call_id: tool message answers call_1, which no earlier assistant message called"],
      ["camel", 400, "input.2.tool_call_id: a tool message needs the tool_call_id of the assistant tool call it answers"],
    ]);
    expect((await getTrace(test.database, project.id, "tools")).input).toEqual([
      question,
      calls,
      { role: "tool", tool_call_id: "call_1", content: "18" },
    ]);
  });

  it("keeps a span whose parent is missing and flags it", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await ingestTraces(test.database, project.id, [
      chatTrace("orphaned", { spans: [{ id: "child", parentId: "gone", type: "tool", name: "lookup", startTime: start }] }),
    ]);
    expect((await getTrace(test.database, project.id, "orphaned")).spans).toMatchObject([{ id: "child", parentId: "gone", orphan: true }]);
  });

  it("updates a re-sent trace in place: a duplicate when unchanged, no doubled spans when changed", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await ingestTraces(test.database, project.id, [chatTrace("again")]);
    expect(await ingestTraces(test.database, project.id, [chatTrace("again")])).toEqual({
      accepted: [],
      duplicates: ["again"],
      rejected: [],
    });
    expect(await ingestTraces(test.database, project.id, [chatTrace("again", { output: "Corrected: 41 EUR." })])).toMatchObject({
      accepted: ["again"],
    });
    const trace = await getTrace(test.database, project.id, "again");
    expect(trace.output).toBe("Corrected: 41 EUR.");
    expect(trace.spans).toHaveLength(2);
    expect(await test.database.trace.count({ where: { projectId: project.id } })).toBe(1);
  });

  it("stores a 1 MB answer whole", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const long = "x".repeat(1024 * 1024);
    expect((await ingestTraces(test.database, project.id, [chatTrace("long", { output: long })])).accepted).toEqual(["long"]);
    expect((await getTrace(test.database, project.id, "long")).output).toHaveLength(long.length);
  });

  it("masks personal data before storing when the project asks for it", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await test.database.project.update({ where: { id: project.id }, data: { piiRedaction: "mask" } });
    await ingestTraces(test.database, project.id, [
      chatTrace("pii", {
        input: [{ role: "user", content: "I am jane@example.com, card 4111 1111 1111 1111" }],
        output: "Noted, jane@example.com",
      }),
    ]);
    const trace = await getTrace(test.database, project.id, "pii");
    expect(trace.input).toEqual([{ role: "user", content: "I am [EMAIL], card [CARD]" }]);
    expect(trace.output).toBe("Noted, [EMAIL]");
    expect(JSON.stringify(await test.database.trace.findFirst({ where: { projectId: project.id, id: "pii" } }))).not.toContain(
      "jane@example.com",
    );
  });

  it("never shows one project's traces to another", async () => {
    const mine = await createProjectWithKeys(test.database);
    const theirs = await createProjectWithKeys(test.database);
    await ingestTraces(test.database, mine.project.id, [chatTrace("private")]);
    await expect(getTrace(test.database, theirs.project.id, "private")).rejects.toThrow(NotFoundError);
    expect((await listTraces(test.database, theirs.project.id, list())).data).toEqual([]);
  });

  it("lists newest first with filters, literal text search and cursor pages", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const traces = Array.from({ length: 5 }, (_, i) =>
      chatTrace(`p-${i}`, {
        startTime: at(i * 60_000),
        endTime: at(i * 60_000 + 500),
        firstTokenTime: undefined,
        spans: [],
        userId: i % 2 === 0 ? "even" : "odd",
        output: i === 3 ? "100% sure_thing (a+b)*" : `answer ${i}`,
        status: i === 4 ? "error" : "ok",
      }),
    );
    await ingestTraces(test.database, project.id, traces);
    const ids = async (fields: Record<string, unknown>) =>
      (await listTraces(test.database, project.id, list(fields))).data.map((t) => t.id);
    expect(await ids({})).toEqual(["p-4", "p-3", "p-2", "p-1", "p-0"]);
    expect(await ids({ userId: "even" })).toEqual(["p-4", "p-2", "p-0"]);
    expect(await ids({ status: "error" })).toEqual(["p-4"]);
    expect(await ids({ from: at(60_000), to: at(180_000) })).toEqual(["p-2", "p-1"]);
    expect(await ids({ q: "100% SURE_thing (a+b)*" })).toEqual(["p-3"]);
    expect(await ids({ q: "%" })).toEqual(["p-3"]);
    expect(await ids({ q: "_" })).toEqual(["p-3"]);
    expect(await ids({ q: "'; DROP TABLE traces; --" })).toEqual([]);

    const first = await listTraces(test.database, project.id, list({ limit: "2" }));
    expect(first.data.map((t) => t.id)).toEqual(["p-4", "p-3"]);
    const second = await listTraces(test.database, project.id, list({ limit: "2", cursor: first.nextCursor }));
    expect(second.data.map((t) => t.id)).toEqual(["p-2", "p-1"]);
    const third = await listTraces(test.database, project.id, list({ limit: "2", cursor: second.nextCursor }));
    expect(third).toMatchObject({ data: [{ id: "p-0" }], nextCursor: null });
  });
});
