import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatCompletion, type ChatAttempt, type ResponseFormat } from "@/server/llm/chatCompletions";
import { LlmCallError } from "@/server/llm/llmCallError";
import { retryAfterMs } from "@/server/llm/openAiHttp";
import { closedPortUrl, startFakeOpenAiServer, type FakeOpenAiServer } from "@/test/fakeOpenAiServer";

let fake: FakeOpenAiServer;
beforeAll(async () => {
  fake = await startFakeOpenAiServer({ apiKey: "sk-test" });
});
afterAll(() => fake.close());

const messages = [
  { role: "system" as const, content: "Answer in JSON." },
  { role: "user" as const, content: "Is the sky blue?" },
];
const call = (overrides: Partial<Parameters<typeof createChatCompletion>[0]> = {}, onAttempt?: (attempt: ChatAttempt) => void) =>
  createChatCompletion(
    { baseUrl: fake.url, apiKey: "sk-test", model: "gpt-4o-mini", messages, temperature: 0, ...overrides },
    { onAttempt },
  );

async function failure(promise: Promise<unknown>): Promise<LlmCallError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof LlmCallError)) throw new Error(`expected an LlmCallError, got ${String(error)}`);
  return error;
}

const schemaFormat: ResponseFormat = {
  type: "json_schema",
  json_schema: { name: "verdict", strict: true, schema: { type: "object", properties: { yes: { type: "boolean" } } } },
};

describe("createChatCompletion", () => {
  it("sends the model, messages, temperature and key, and returns the text, usage, served model and raw answer", async () => {
    fake.enqueueChat({
      kind: "answer",
      text: '{"yes":true}',
      model: "gpt-4o-mini-2024-07-18",
      usage: { prompt_tokens: 12, completion_tokens: 4 },
    });
    let clock = 1_000;
    const completion = await createChatCompletion(
      { baseUrl: `${fake.url}/`, apiKey: "sk-test", model: "gpt-4o-mini", messages, temperature: 0 },
      { now: () => (clock += 5) },
    );
    expect(completion).toMatchObject({
      text: '{"yes":true}',
      model: "gpt-4o-mini-2024-07-18",
      usage: { inputTokens: 12, outputTokens: 4 },
      status: 200,
      responseFormat: "none",
      temperature: 0,
      // The clock moved once between sending and reading the answer.
      latencyMs: 5,
      raw: { object: "chat.completion", usage: { total_tokens: 16 } },
    });
    const request = fake.requests.at(-1);
    expect(request?.path).toBe("/v1/chat/completions");
    expect(request?.authorization).toBe("Bearer sk-test");
    expect(request?.body).toEqual({ model: "gpt-4o-mini", messages, temperature: 0 });
  });

  it("says a wrong key is not worth retrying", async () => {
    const error = await failure(call({ apiKey: "sk-wrong" }));
    expect(error).toMatchObject({ kind: "client", status: 401, retryable: false });
    expect(error.message).toMatch(/HTTP 401: Incorrect API key/);
  });

  it("says an endpoint that is down, slow, rate limiting or failing is worth retrying", async () => {
    expect(await failure(call({ baseUrl: await closedPortUrl() }))).toMatchObject({ kind: "network", retryable: true });

    fake.enqueueChat({ kind: "hang" });
    const slow = await failure(call({ timeoutMs: 100 }));
    expect(slow).toMatchObject({ kind: "timeout", retryable: true });
    expect(slow.message).toMatch(/did not answer within 100 ms/);

    fake.enqueueChat({ kind: "status", status: 429, headers: { "retry-after": "7" } });
    expect(await failure(call())).toMatchObject({ kind: "rate_limited", status: 429, retryable: true, retryAfterMs: 7000 });

    fake.enqueueChat({ kind: "status", status: 503 });
    expect(await failure(call())).toMatchObject({ kind: "server", status: 503, retryable: true, retryAfterMs: undefined });
  });

  it("says a body that is not a chat completion is not worth retrying", async () => {
    fake.enqueueChat({ kind: "raw", body: "<html>Bad gateway</html>" });
    const html = await failure(call());
    expect(html).toMatchObject({ kind: "bad_body", status: 200, retryable: false, responseText: "<html>Bad gateway</html>" });

    fake.enqueueChat({ kind: "raw", body: '{"result":"yes"}', contentType: "application/json" });
    expect(await failure(call())).toMatchObject({ kind: "bad_body", retryable: false });
  });

  it("falls back from json_schema to json_object to no format when the endpoint refuses them, and reports each request", async () => {
    const stingy = await startFakeOpenAiServer({ unsupportedFormats: ["json_schema", "json_object"] });
    try {
      const attempts: ChatAttempt[] = [];
      const completion = await createChatCompletion(
        { baseUrl: stingy.url, model: "local", messages, responseFormat: schemaFormat },
        { onAttempt: (attempt) => attempts.push(attempt) },
      );
      expect(completion.responseFormat).toBe("none");
      expect(stingy.chatRequests().map((request) => request.response_format?.type ?? "none")).toEqual([
        "json_schema",
        "json_object",
        "none",
      ]);
      expect(attempts.map((attempt) => [attempt.responseFormat, attempt.outcome.ok])).toEqual([
        ["json_schema", false],
        ["json_object", false],
        ["none", true],
      ]);
    } finally {
      await stingy.close();
    }

    const partial = await startFakeOpenAiServer({ unsupportedFormats: ["json_schema"] });
    try {
      expect(
        (await createChatCompletion({ baseUrl: partial.url, model: "local", messages, responseFormat: schemaFormat })).responseFormat,
      ).toBe("json_object");
    } finally {
      await partial.close();
    }
  });

  it("drops a temperature a reasoning model refuses, after the format fallback, and says so", async () => {
    const reasoning = await startFakeOpenAiServer({ defaultTemperatureOnly: true, unsupportedFormats: ["json_schema"] });
    try {
      const attempts: ChatAttempt[] = [];
      const completion = await createChatCompletion(
        { baseUrl: reasoning.url, model: "gpt-5", messages, temperature: 0, responseFormat: schemaFormat },
        { onAttempt: (attempt) => attempts.push(attempt) },
      );
      expect(completion).toMatchObject({ responseFormat: "json_object", temperature: undefined });
      expect(reasoning.chatRequests().map((request) => [request.response_format?.type, request.temperature])).toEqual([
        ["json_schema", 0],
        ["json_object", 0],
        ["json_object", undefined],
      ]);
      expect(attempts.map((attempt) => attempt.outcome.ok)).toEqual([false, false, true]);
    } finally {
      await reasoning.close();
    }
  });

  it("does not fall back on a 400 that is about something else", async () => {
    fake.enqueueChat({ kind: "status", status: 400, body: { error: { message: "The model `gpt-9` does not exist" } } });
    const before = fake.requests.length;
    const error = await failure(call({ responseFormat: schemaFormat }));
    expect(error).toMatchObject({ kind: "client", status: 400 });
    expect(fake.requests.length - before).toBe(1);
  });
});

describe("retryAfterMs", () => {
  const at = Date.parse("2026-11-27T10:00:00Z");
  it("reads seconds, an HTTP date and OpenAI's retry-after-ms", () => {
    expect(retryAfterMs(new Headers({ "retry-after": "2" }), at)).toBe(2000);
    expect(retryAfterMs(new Headers({ "retry-after": "1.5" }), at)).toBe(1500);
    expect(retryAfterMs(new Headers({ "retry-after": "Fri, 27 Nov 2026 10:00:30 GMT" }), at)).toBe(30_000);
    expect(retryAfterMs(new Headers({ "retry-after-ms": "250", "retry-after": "1" }), at)).toBe(250);
    expect(retryAfterMs(new Headers({ "retry-after": "soon" }), at)).toBeUndefined();
    expect(retryAfterMs(new Headers(), at)).toBeUndefined();
  });
});
