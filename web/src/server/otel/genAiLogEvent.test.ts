import { describe, expect, it } from "vitest";
import { mapOtlpSpan } from "@/server/otel/genAiMapping";
import { asSpanEvent, carriesContent, logEventName } from "@/server/otel/genAiLogEvent";
import type { OtlpSpan } from "@/server/otel/otlpSpan";

const call: OtlpSpan = {
  traceId: "5b8efff798038103d269b633813fc60c",
  spanId: "eee19b7ec3c1b174",
  parentSpanId: null,
  name: "chat gpt-4o-mini",
  kind: 3,
  startTimeUnixNano: 1_764_000_000_000_000_000n,
  endTimeUnixNano: 1_764_000_001_000_000_000n,
  attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o-mini" },
  events: [],
  status: { code: 0, message: "" },
  resource: {},
  scope: { name: "openai", version: "1" },
};

const lookup = { id: "call_1", type: "function", function: { name: "lookup_order", arguments: '{"order":7}' } } as const;

describe("GenAI log events", () => {
  it("give a span the same messages as the span-attribute mode", () => {
    const fromAttributes = mapOtlpSpan({
      ...call,
      attributes: {
        ...call.attributes,
        "gen_ai.input.messages": JSON.stringify([
          { role: "system", parts: [{ type: "text", content: "Be brief." }] },
          { role: "user", parts: [{ type: "text", content: "Where is order 7?" }] },
          { role: "assistant", content: "Let me look.", tool_calls: [lookup] },
          { role: "tool", content: "shipped", tool_call_id: "call_1" },
        ]),
        "gen_ai.output.messages": JSON.stringify([{ role: "assistant", parts: [{ type: "text", content: "It ships today." }] }]),
      },
    });
    const logged = [
      { name: "gen_ai.system.message", body: { content: "Be brief." } },
      { name: "gen_ai.user.message", body: { content: "Where is order 7?" } },
      { name: "gen_ai.assistant.message", body: { content: "Let me look.", tool_calls: [lookup] } },
      { name: "gen_ai.tool.message", body: { content: "shipped", id: "call_1" } },
      { name: "gen_ai.choice", body: { index: 0, finish_reason: "stop", message: { content: "It ships today." } } },
    ].map((event) => asSpanEvent({ ...event, timeUnixNano: 1n }));
    const fromEvents = mapOtlpSpan({ ...call, events: logged });
    expect(fromEvents.input).toEqual(fromAttributes.input);
    expect(fromEvents.output).toEqual(fromAttributes.output);
    expect(fromEvents.output).toEqual([{ role: "assistant", content: "It ships today." }]);
    // The tool call and its result keep their id in both modes, so the conversation stays consistent.
    expect(fromEvents.input).toEqual([
      expect.anything(),
      expect.anything(),
      { role: "assistant", content: "Let me look.", tool_calls: [lookup] },
      { role: "tool", content: "shipped", tool_call_id: "call_1" },
    ]);
  });

  it("names an event by the LogRecord field, else by the event.name attribute", () => {
    expect(logEventName("gen_ai.choice", { "event.name": "other" })).toBe("gen_ai.choice");
    expect(logEventName("", { "event.name": "gen_ai.user.message" })).toBe("gen_ai.user.message");
    expect(logEventName("", {})).toBe("");
  });

  it("tell events with content from the empty ones sent when content capture is off", () => {
    expect(
      [{ content: "hi" }, { content: "" }, { message: { content: "ok" } }, { message: { tool_calls: [] } }, "plain text"].map(
        carriesContent,
      ),
    ).toEqual([true, true, true, true, true]);
    expect([{}, { id: "call_1" }, { index: 0, finish_reason: "stop", message: {} }, null, ""].map(carriesContent)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("tell events with content from the empty ones sent when content capture is off", () => {
    const full = [{ content: "hi" }, { content: "" }, { message: { content: "ok" } }, { message: { tool_calls: [] } }, "plain text"];
    const empty = [{}, { id: "call_1" }, { index: 0, finish_reason: "stop", message: {} }, null, ""];
    expect(full.map(carriesContent)).toEqual([true, true, true, true, true]);
    expect(empty.map(carriesContent)).toEqual([false, false, false, false, false]);
  });
});
