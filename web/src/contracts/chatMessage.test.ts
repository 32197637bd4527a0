import { describe, expect, it } from "vitest";
import { chatMessageSchema, datasetAnswerSchema } from "@/contracts/chatMessage";
import { datasetItemInputSchema } from "@/contracts/datasets";
import { traceInputSchema } from "@/contracts/traces";

const call = (id: string, name = "get_weather", args = '{"city":"Paris"}') => ({
  id,
  type: "function",
  function: { name, arguments: args },
});
const asks = (...ids: string[]) => ({ role: "assistant", content: null, tool_calls: ids.map((id) => call(id)) });
const answers = (id: string, content = '{"temperature":18}') => ({ role: "tool", tool_call_id: id, content });
const question = { role: "user", content: "Weather in Paris?" };

/** Each issue as "path: message", as a 400 names it. */
function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): string[] {
  return (result.error?.issues ?? []).map((issue) => `${issue.path.map(String).join(".")}: ${issue.message}`);
}

describe("chat message schema", () => {
  it("takes OpenAI's tool calls: assistant content null beside tool_calls, a tool result with its call id", () => {
    expect(chatMessageSchema.parse(asks("call_1"))).toEqual(asks("call_1"));
    // Content may be left out beside tool calls; it reads as null, as OpenAI writes it.
    expect(chatMessageSchema.parse({ role: "assistant", tool_calls: [call("call_1")] })).toEqual(asks("call_1"));
    expect(chatMessageSchema.parse(answers("call_1"))).toEqual(answers("call_1"));
  });

  it("refuses a tool message without a tool_call_id, naming the field", () => {
    const result = chatMessageSchema.safeParse({ role: "tool", content: "18 degrees" });
    expect(issues(result)).toEqual(["tool_call_id: a tool message needs the tool_call_id of the assistant tool call it answers"]);
  });

  it("refuses arguments that are not a string, a call type other than function, and keys OpenAI does not have", () => {
    expect(
      chatMessageSchema.safeParse({ ...asks("c"), tool_calls: [{ ...call("c"), function: { name: "f", arguments: { a: 1 } } }] }).success,
    ).toBe(false);
    expect(chatMessageSchema.safeParse({ ...asks("c"), tool_calls: [{ ...call("c"), type: "code" }] }).success).toBe(false);
    expect(chatMessageSchema.safeParse({ role: "user", content: "hi", toolCallId: "c" }).success).toBe(false);
  });
});

describe("the conversation rule at trace ingest", () => {
  const trace = (input: unknown[], output?: unknown) => ({
    id: "t",
    startTime: "2026-11-27T10:00:00Z",
    input,
    ...(output ? { output } : {}),
  });

  it("accepts a tool result answering an earlier call, and keeps the fields a provider adds", () => {
    const parsed = traceInputSchema.parse(
      trace([question, asks("call_1"), answers("call_1")], [{ role: "assistant", content: "18 °C.", refusal: null }]),
    );
    expect(parsed.output).toEqual([{ role: "assistant", content: "18 °C.", refusal: null }]);
  });

  it("refuses a tool message answering no earlier call, with the path of the message", () => {
    expect(issues(traceInputSchema.safeParse(trace([question, answers("call_9")])))).toEqual([
      "input.1.tool_call_id: tool message answers call_9, which no earlier assistant message called",
    ]);
    // A result before its call answers nothing either.
    expect(issues(traceInputSchema.safeParse(trace([question, answers("call_1"), asks("call_1")])))).toEqual([
      "input.1.tool_call_id: tool message answers call_1, which no earlier assistant message called",
    ]);
  });

  it("reads input then output as one conversation, and checks spans too", () => {
    expect(
      traceInputSchema.safeParse(trace([question, asks("call_1")], [answers("call_1"), { role: "assistant", content: "18 °C." }])).success,
    ).toBe(true);
    const span = { id: "s", type: "llm", name: "call", startTime: "2026-11-27T10:00:00Z", input: [question, answers("x")] };
    expect(issues(traceInputSchema.safeParse({ ...trace([question]), spans: [span] }))).toEqual([
      "spans.0.input.1.tool_call_id: tool message answers x, which no earlier assistant message called",
    ]);
  });

  it("refuses a call id used twice, a call answered twice, and an assistant message with neither text nor tool calls", () => {
    expect(issues(traceInputSchema.safeParse(trace([question, asks("c", "c")])))).toEqual([
      "input.1.tool_calls.1.id: tool call id c is used twice",
    ]);
    expect(issues(traceInputSchema.safeParse(trace([question, asks("c"), answers("c"), answers("c")])))).toEqual([
      "input.3.tool_call_id: tool call c is answered twice",
    ]);
    expect(issues(traceInputSchema.safeParse(trace([question, { role: "assistant", content: null }])))).toEqual([
      "input.1.content: an assistant message without content must make tool_calls",
    ]);
  });
});

describe("dataset items", () => {
  const item = (fields: Record<string, unknown>) => ({ input: [question], expectedOutput: "Sunny.", ...fields });

  it("take an expected answer that calls a tool, and a conversation with tool results", () => {
    expect(datasetItemInputSchema.safeParse(item({ expectedOutput: asks("call_1") })).success).toBe(true);
    expect(
      datasetItemInputSchema.safeParse(item({ input: [question, asks("call_1"), answers("call_1")], expectedOutput: "18 °C." })).success,
    ).toBe(true);
  });

  it("refuse a tool message without an id or answering no earlier call, with its path", () => {
    expect(issues(datasetItemInputSchema.safeParse(item({ input: [question, { role: "tool", content: "18" }] })))).toEqual([
      "input.1.tool_call_id: a tool message needs the tool_call_id of the assistant tool call it answers",
    ]);
    expect(issues(datasetItemInputSchema.safeParse(item({ input: [question, answers("call_1")] })))).toEqual([
      "input.1.tool_call_id: tool message answers call_1, which no earlier assistant message called",
    ]);
  });

  it("refuse an answer reusing a call id of the conversation", () => {
    const input = [question, asks("call_1"), answers("call_1")];
    expect(
      issues(datasetItemInputSchema.safeParse(item({ input, expectedOutput: asks("call_1"), rejectedOutput: asks("call_1") }))),
    ).toEqual([
      "expectedOutput.tool_calls.0.id: tool call id call_1 is used twice",
      "rejectedOutput.tool_calls.0.id: tool call id call_1 is used twice",
    ]);
  });

  it("refuse an empty rejectedOutput: empty text, whitespace, a message with no text and no tool calls, no messages", () => {
    for (const rejectedOutput of ["", "  \n\t", { role: "assistant", content: " " }, { role: "assistant", content: null }, []]) {
      const result = datasetItemInputSchema.safeParse(item({ rejectedOutput }));
      expect(result.success, JSON.stringify(rejectedOutput)).toBe(false);
      expect(issues(result).every((issue) => issue.startsWith("rejectedOutput"))).toBe(true);
    }
    expect(datasetAnswerSchema.safeParse("   ").success).toBe(false);
    expect(datasetAnswerSchema.safeParse({ role: "assistant", content: "", tool_calls: [call("c")] }).success).toBe(true);
  });
});
