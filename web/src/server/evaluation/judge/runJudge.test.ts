import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EvaluationSubject } from "@/server/evaluation/evaluatorTypes";
import { runJudge, type JudgeDependencies, type JudgeOutcome, type JudgeRunSettings } from "@/server/evaluation/judge/runJudge";
import { backoffDelayMs } from "@/server/evaluation/judge/judgeBackoff";
import { closedPortUrl, startFakeOpenAiServer, type FakeOpenAiServer, type FakeReply } from "@/test/fakeOpenAiServer";

let fake: FakeOpenAiServer;
beforeAll(async () => {
  fake = await startFakeOpenAiServer({ apiKey: "sk-judge" });
});
afterAll(() => fake.close());

const subject: EvaluationSubject = {
  input: "When do orders ship?",
  output: "Orders ship within 2 days, and delivery is free over $50.",
  contexts: ["Orders ship within 2 business days.", "Returns are accepted within 30 days."],
};
const settings = (overrides: Partial<JudgeRunSettings> = {}): JudgeRunSettings => ({
  baseUrl: fake.url,
  apiKey: "sk-judge",
  model: "gpt-4o-mini",
  rubric: "faithfulness",
  ...overrides,
});
const verdict = (score: unknown, reasoning = "Checked each claim."): FakeReply => ({
  kind: "answer",
  text: JSON.stringify({ reasoning, score }),
  usage: { prompt_tokens: 1000, completion_tokens: 200 },
});

/** Sleeps recorded, never waited; jitter pinned to its lowest. */
function controlled(overrides: JudgeDependencies = {}) {
  const sleeps: number[] = [];
  const dependencies: JudgeDependencies = {
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0,
    now: () => new Date("2026-11-27T10:00:00Z"),
    ...overrides,
  };
  return { sleeps, dependencies };
}

async function judge(run: JudgeRunSettings, on: EvaluationSubject = subject, overrides: JudgeDependencies = {}) {
  const { sleeps, dependencies } = controlled(overrides);
  const before = fake.requests.length;
  const outcome = await runJudge(run, on, dependencies);
  return { outcome, sleeps, requests: fake.chatRequests().slice(before) };
}

function failed(outcome: JudgeOutcome) {
  if (outcome.ok) throw new Error(`expected a failure, got score ${outcome.score}`);
  return outcome;
}

describe("runJudge", () => {
  it("asks at temperature 0 for structured output, reasoning before score, and records the call with its tokens and cost", async () => {
    fake.enqueueChat(verdict(0.5, "Shipping is supported by [1]; free delivery over $50 is in no passage."));
    const { outcome, requests } = await judge(settings());
    expect(outcome).toMatchObject({ ok: true, score: 0.5, reasoning: expect.stringMatching(/^Shipping is supported/) as unknown });
    const [request] = requests;
    expect(request?.temperature).toBe(0);
    expect(request?.response_format?.type).toBe("json_schema");
    expect(Object.keys((request?.response_format?.json_schema?.schema as { properties: object }).properties)).toEqual([
      "reasoning",
      "score",
    ]);
    expect(request?.messages.map((message) => message.role)).toEqual(["system", "user"]);
    expect(request?.messages[0]?.content).toMatch(/"score": <a number from 0 to 1>/);
    expect(request?.messages[1]?.content).toContain("[1] Orders ship within 2 business days.\n\n[2] Returns are accepted within 30 days.");
    expect(request?.messages[1]?.content).toContain(subject.output);
    // gpt-4o-mini's list price: $0.15 in, $0.60 out per million tokens: 1000 x 0.15 + 200 x 0.60 = 270 per million.
    expect(outcome.calls).toEqual([
      {
        messages: request?.messages,
        model: "gpt-4o-mini",
        responseFormat: "json_schema",
        responseText: JSON.stringify({ reasoning: "Shipping is supported by [1]; free delivery over $50 is in no passage.", score: 0.5 }),
        status: 200,
        inputTokens: 1000,
        outputTokens: 200,
        costUsd: expect.closeTo(0.00027, 12) as unknown,
        latencyMs: 0,
        error: null,
        startedAt: new Date("2026-11-27T10:00:00Z"),
      },
    ]);
  });

  it("prices with the project's own price when it has one", async () => {
    fake.enqueueChat(verdict(1));
    const prices = [{ modelPattern: "gpt-4o-mini*", inputPerMillionUsd: 1, outputPerMillionUsd: 2, effectiveFrom: new Date(0) }];
    const { outcome } = await judge(settings(), subject, { prices });
    // 1000 x 1 + 200 x 2 = 1400 per million.
    expect(outcome.calls[0]?.costUsd).toBeCloseTo(0.0014, 12);
  });

  it("retries a closed port with exponential backoff, then fails with the reason, retryable later", async () => {
    const { outcome, sleeps } = await judge(settings({ baseUrl: await closedPortUrl() }));
    const failure = failed(outcome);
    expect(failure).toMatchObject({ code: "endpoint", retryable: true });
    expect(failure.error).toMatch(/could not be reached.*gave up after 3 attempts/s);
    expect(failure.calls).toHaveLength(3);
    expect(failure.calls.every((call) => call.status === null && /could not be reached/.test(call.error ?? ""))).toBe(true);
    // Jitter at its lowest: half of 1 s, then half of 2 s.
    expect(sleeps).toEqual([500, 1000]);
  });

  it("gives up on a judge that does not answer in time", async () => {
    fake.enqueueChat({ kind: "hang" }, { kind: "hang" });
    const { outcome } = await judge(settings({ timeoutSeconds: 0.1, maxAttempts: 2 }));
    const failure = failed(outcome);
    expect(failure).toMatchObject({ code: "endpoint", retryable: true });
    expect(failure.error).toMatch(/did not answer within 100 ms/);
    expect(failure.calls.map((call) => call.error)).toEqual([
      expect.stringMatching(/within 100 ms/),
      expect.stringMatching(/within 100 ms/),
    ]);
  });

  it("fails an answer that is not JSON after retrying, with the answer in each record, never a score", async () => {
    fake.enqueueChat(...Array.from({ length: 3 }, (): FakeReply => ({ kind: "answer", text: "The answer looks great to me!" })));
    const { outcome } = await judge(settings());
    const failure = failed(outcome);
    expect(failure).toMatchObject({ code: "invalid_answer", retryable: false });
    expect(failure.error).toMatch(/not JSON: "The answer looks great to me!" \(gave up after 3 attempts\)/);
    expect(failure.calls.map((call) => [call.status, call.responseText])).toEqual(Array(3).fill([200, "The answer looks great to me!"]));
  });

  it("stops at once on a body that is not the protocol, or a wrong key", async () => {
    fake.enqueueChat({ kind: "raw", body: "<html>upstream error</html>" });
    const html = failed((await judge(settings())).outcome);
    expect(html).toMatchObject({ code: "endpoint", retryable: false });
    expect(html.calls).toHaveLength(1);
    expect(html.calls[0]?.responseText).toBe("<html>upstream error</html>");

    const wrongKey = failed((await judge(settings({ apiKey: "sk-nope" }))).outcome);
    expect(wrongKey).toMatchObject({ code: "endpoint", retryable: false, error: expect.stringMatching(/HTTP 401/) as unknown });
    expect(wrongKey.calls).toHaveLength(1);
  });

  it("takes a numeric string as its number, and retries a word instead of a score", async () => {
    fake.enqueueChat(verdict("0.8"));
    expect((await judge(settings())).outcome).toMatchObject({ ok: true, score: 0.8 });

    fake.enqueueChat(verdict("high"), verdict(0.9));
    const { outcome, sleeps } = await judge(settings());
    expect(outcome).toMatchObject({ ok: true, score: 0.9 });
    expect(outcome.calls.map((call) => call.error)).toEqual(['The judge\'s score "high" is not a number', null]);
    expect(sleeps).toEqual([500]);
  });

  it("refuses 9.2e124 on a 0..1 scale as an error with the reason, and 4.5 on the 1..5 helpfulness scale", async () => {
    fake.enqueueChat(verdict(9.2e124), verdict(9.2e124), verdict(9.2e124));
    const failure = failed((await judge(settings())).outcome);
    expect(failure.code).toBe("invalid_answer");
    expect(failure.error).toMatch(/score 9\.2e\+124 is outside the range 0\.\.1/);
    expect(failure.calls).toHaveLength(3);

    fake.enqueueChat(verdict(4.5));
    const helpfulness = failed((await judge(settings({ rubric: "helpfulness", maxAttempts: 1 }))).outcome);
    expect(helpfulness.error).toMatch(/4\.5 is not a whole number from 1 to 5 \(gave up after 1 attempt\)/);
  });

  it("honours Retry-After on a 429 and then scores", async () => {
    fake.enqueueChat({ kind: "status", status: 429, headers: { "retry-after": "7" } }, verdict(1));
    const { outcome, sleeps } = await judge(settings());
    expect(outcome).toMatchObject({ ok: true, score: 1 });
    expect(sleeps).toEqual([7000]);
    expect(outcome.calls.map((call) => call.status)).toEqual([429, 200]);
  });

  it("does not wait out a Retry-After of an hour: fails retryable so the job comes back later", async () => {
    fake.enqueueChat({ kind: "status", status: 429, headers: { "retry-after": "3600" } });
    const { outcome, sleeps } = await judge(settings());
    expect(failed(outcome)).toMatchObject({ retryable: true, error: expect.stringMatching(/asked to wait 3600 s/) as unknown });
    expect(sleeps).toEqual([]);
  });

  it("fails after three 500s with the reason, backing off with jitter", async () => {
    const fiveHundred: FakeReply = { kind: "status", status: 500, body: { error: { message: "The server had an error" } } };
    fake.enqueueChat(fiveHundred, fiveHundred, fiveHundred);
    const { outcome, sleeps } = await judge(settings(), subject, { random: () => 1 });
    const failure = failed(outcome);
    expect(failure).toMatchObject({ code: "endpoint", retryable: true });
    expect(failure.error).toMatch(/HTTP 500: The server had an error \(gave up after 3 attempts\)/);
    expect(failure.calls.map((call) => call.status)).toEqual([500, 500, 500]);
    // Jitter at its highest: the full 1 s, then the full 2 s.
    expect(sleeps).toEqual([1000, 2000]);
  });

  it("falls back when structured output is unsupported, and keeps the weaker format for the retry", async () => {
    const local = await startFakeOpenAiServer({ unsupportedFormats: ["json_schema"] });
    try {
      local.enqueueChat(
        { kind: "answer", text: "Sure! Here it is" },
        { kind: "answer", text: '```json\n{"reasoning": "ok", "score": 1,}\n```' },
      );
      const outcome = await runJudge(settings({ baseUrl: local.url, apiKey: undefined }), subject, controlled().dependencies);
      expect(outcome).toMatchObject({ ok: true, score: 1, reasoning: "ok" });
      expect(local.chatRequests().map((request) => request.response_format?.type ?? "none")).toEqual([
        "json_schema",
        "json_object",
        "json_object",
      ]);
      expect(outcome.calls.map((call) => [call.responseFormat, call.status])).toEqual([
        ["json_schema", 400],
        ["json_object", 200],
        ["json_object", 200],
      ]);
    } finally {
      await local.close();
    }
  });

  it("judges with a model that takes only its default temperature, and does not ask for 0 again on the retry", async () => {
    const reasoning = await startFakeOpenAiServer({ defaultTemperatureOnly: true });
    try {
      reasoning.enqueueChat({ kind: "answer", text: "{}" }, verdict(0.5));
      const outcome = await runJudge(settings({ baseUrl: reasoning.url, model: "gpt-5" }), subject, controlled().dependencies);
      expect(outcome).toMatchObject({ ok: true, score: 0.5 });
      expect(reasoning.chatRequests().map((request) => request.temperature)).toEqual([0, undefined, undefined]);
      expect(outcome.calls.map((call) => call.error)).toEqual([
        expect.stringMatching(/HTTP 400: Unsupported value: 'temperature'/),
        "The judge's answer has no score",
        null,
      ]);
    } finally {
      await reasoning.close();
    }
  });

  it("shows corrected examples as earlier turns", async () => {
    fake.enqueueChat(verdict(0));
    const examples = [{ input: "Is it free?", output: "Yes, always.", score: 0, reasoning: "No passage says it is free." }];
    const { requests } = await judge(settings({ examples }));
    const sent = requests[0]?.messages ?? [];
    expect(sent.map((message) => message.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(sent[1]?.content).toContain("Is it free?");
    expect(sent[1]?.content).toContain("(not given)");
    expect(JSON.parse(sent[2]?.content ?? "")).toEqual({ reasoning: "No passage says it is free.", score: 0 });
  });

  it("calls nothing when the template needs what the trace lacks, or the budget is spent", async () => {
    const before = fake.requests.length;
    const noContext = failed((await judge(settings(), { ...subject, contexts: [] })).outcome);
    expect(noContext).toMatchObject({ code: "configuration", retryable: false, calls: [] });
    expect(noContext.error).toMatch(/\{\{context\}\}.*no retrieved context/);
    const noExpected = failed((await judge(settings({ rubric: "correctness" }))).outcome);
    expect(noExpected.error).toMatch(/\{\{expected\}\}/);
    const zeroBudget = failed((await judge(settings({ dailyBudgetUsd: 0 }))).outcome);
    expect(zeroBudget).toMatchObject({ code: "budget_spent", retryable: false, calls: [] });
    const spent = failed((await judge(settings({ dailyBudgetUsd: 2 }), subject, { spentTodayUsd: 2.01 })).outcome);
    expect(spent.code).toBe("budget_spent");
    expect(fake.requests.length).toBe(before);
  });
});

describe("backoffDelayMs", () => {
  it("doubles from 1 s up to 30 s, with up to half of each step random", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((attempt) => backoffDelayMs(attempt, () => 1))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect([1, 2, 6].map((attempt) => backoffDelayMs(attempt, () => 0))).toEqual([500, 1000, 15000]);
    expect(backoffDelayMs(3, () => 0.5)).toBe(3000);
  });
});
