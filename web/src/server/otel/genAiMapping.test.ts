import { describe, expect, it } from "vitest";
import { deriveTrace, mapOtlpSpan } from "@/server/otel/genAiMapping";
import { otlpSpan as span } from "@/test/otlpSpans";

describe("mapOtlpSpan", () => {
  it("reads the older prompt/completion events and gen_ai.system", () => {
    const mapped = mapOtlpSpan(
      span({
        attributes: {
          "gen_ai.system": "openai",
          "gen_ai.request.model": "gpt-4o",
          "gen_ai.usage.prompt_tokens": 11,
          "gen_ai.usage.completion_tokens": 4,
        },
        events: [
          {
            timeUnixNano: 0n,
            name: "gen_ai.content.prompt",
            attributes: { "gen_ai.prompt": JSON.stringify([{ role: "user", content: "hi" }]) },
          },
          {
            timeUnixNano: 0n,
            name: "gen_ai.content.completion",
            attributes: { "gen_ai.completion": JSON.stringify([{ role: "assistant", content: "hello" }]) },
          },
        ],
      }),
    );
    expect(mapped).toMatchObject({
      type: "llm",
      model: "gpt-4o",
      usage: { inputTokens: 11, outputTokens: 4 },
      input: [{ role: "user", content: "hi" }],
      output: [{ role: "assistant", content: "hello" }],
      startTime: "2023-11-14T22:13:20.000Z",
      endTime: "2023-11-14T22:13:21.500Z",
    });
  });

  it("reads per-message events and indexed prompt attributes", () => {
    expect(
      mapOtlpSpan(
        span({
          events: [
            { timeUnixNano: 0n, name: "gen_ai.system.message", attributes: { content: "rules" } },
            { timeUnixNano: 0n, name: "gen_ai.user.message", attributes: { content: "question" } },
            { timeUnixNano: 0n, name: "gen_ai.choice", attributes: { message: JSON.stringify({ role: "assistant", content: "answer" }) } },
          ],
        }),
      ),
    ).toMatchObject({
      input: [
        { role: "system", content: "rules" },
        { role: "user", content: "question" },
      ],
      output: [{ role: "assistant", content: "answer" }],
    });
    expect(
      mapOtlpSpan(
        span({ attributes: { "gen_ai.prompt.0.role": "user", "gen_ai.prompt.0.content": "q", "gen_ai.completion.0.content": "a" } }),
      ),
    ).toMatchObject({ input: [{ role: "user", content: "q" }], output: [{ role: "assistant", content: "a" }] });
  });

  it("maps error status and keeps resource and scope in the attributes", () => {
    const mapped = mapOtlpSpan(span({ status: { code: 2, message: "rate limited" }, resource: { "service.version": "9" } }));
    expect(mapped).toMatchObject({ status: "error", error: "rate limited", type: "other" });
    expect(mapped.attributes["otel.resource"]).toEqual({ "service.version": "9" });
  });
});

describe("deriveTrace", () => {
  it("names the trace after the root, spans the whole time range, and takes the release from the resource", () => {
    const root = mapOtlpSpan(
      span({ spanId: "r", name: "turn", resource: { "service.version": "3.1" }, endTimeUnixNano: 1_700_000_003_000_000_000n }),
    );
    const child = mapOtlpSpan(
      span({ spanId: "c", parentSpanId: "r", attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "m" } }),
    );
    expect(deriveTrace("t", [child, root])).toMatchObject({
      id: "t",
      name: "turn",
      release: "3.1",
      model: "m",
      endTime: "2023-11-14T22:13:23.000Z",
    });
  });
});
