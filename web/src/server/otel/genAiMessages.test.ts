import { describe, expect, it } from "vitest";
import { inputMessages, outputMessages } from "@/server/otel/genAiMessages";
import { otlpSpan as span } from "@/test/otlpSpans";
import { traceInputSchema } from "@/contracts/traces";

const weatherCall = { id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } };

describe("GenAI messages with tool calls", () => {
  it("reads tool_call and tool_call_response parts (current conventions) as OpenAI's tool_calls and tool messages", () => {
    const messages = [
      { role: "user", parts: [{ type: "text", content: "Weather in Paris?" }] },
      { role: "assistant", parts: [{ type: "tool_call", id: "call_1", name: "get_weather", arguments: { city: "Paris" } }] },
      { role: "tool", parts: [{ type: "tool_call_response", id: "call_1", response: { temperature: 18 } }] },
    ];
    const input = inputMessages(span({ attributes: { "gen_ai.input.messages": JSON.stringify(messages) } }));
    expect(input).toEqual([
      { role: "user", content: "Weather in Paris?" },
      { role: "assistant", content: null, tool_calls: [weatherCall] },
      { role: "tool", content: '{"temperature":18}', tool_call_id: "call_1" },
    ]);
    // What the mapping produces passes the conversation rule at ingest.
    expect(traceInputSchema.safeParse({ id: "t", startTime: "2026-11-27T10:00:00Z", input }).success).toBe(true);
  });

  it("keeps OpenAI-shaped choices with tool_calls", () => {
    const output = outputMessages(
      span({
        events: [
          {
            timeUnixNano: 0n,
            name: "gen_ai.choice",
            attributes: { message: JSON.stringify({ role: "assistant", tool_calls: [weatherCall] }) },
          },
        ],
      }),
    );
    expect(output).toEqual([{ role: "assistant", content: null, tool_calls: [weatherCall] }]);
  });

  it("keeps a tool result that answers no call it can see as text, so the trace is stored rather than refused", () => {
    const input = inputMessages(
      span({
        events: [
          { timeUnixNano: 0n, name: "gen_ai.user.message", attributes: { content: "Weather?" } },
          { timeUnixNano: 0n, name: "gen_ai.tool.message", attributes: { content: "18 degrees", id: "call_9" } },
          { timeUnixNano: 0n, name: "gen_ai.tool.message", attributes: { content: "no id" } },
        ],
      }),
    );
    expect(input).toEqual([
      { role: "user", content: "Weather?" },
      { role: "user", content: "[tool result call_9] 18 degrees" },
      { role: "user", content: "[tool result] no id" },
    ]);
    expect(traceInputSchema.safeParse({ id: "t", startTime: "2026-11-27T10:00:00Z", input }).success).toBe(true);
  });
});
