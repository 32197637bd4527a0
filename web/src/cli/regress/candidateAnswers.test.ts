import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CandidateRefusedError,
  collectCandidateAnswers,
  type CandidateAnswer,
  type CandidateItem,
  type CandidateSettings,
} from "@/cli/regress/candidateAnswers";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "@/test/fakeOpenAiServer";

let candidate: FakeOpenAiServer;
beforeAll(async () => {
  candidate = await startFakeOpenAiServer({ apiKey: "sk-candidate" });
});
afterAll(() => candidate.close());

const settings = (overrides: Partial<CandidateSettings> = {}): CandidateSettings => ({
  endpoint: candidate.url,
  apiKey: "sk-candidate",
  model: "candidate-model",
  temperature: 0,
  timeoutMs: 10_000,
  attempts: 3,
  concurrency: 1,
  ...overrides,
});
const item = (itemId: string, question = `Question ${itemId}?`): CandidateItem => ({
  itemId,
  input: [
    { role: "system", content: "Be brief." },
    { role: "user", content: question },
  ],
});

/** Waits are recorded, not slept: what matters is how long the client chose to wait. */
function recordedSleeps() {
  const waits: number[] = [];
  return { waits, sleep: (ms: number) => (waits.push(ms), Promise.resolve()) };
}

describe("collectCandidateAnswers", () => {
  it("sends each item's conversation with the model, temperature 0 and the key, and keeps text and tool-call answers", async () => {
    const before = candidate.requests.length;
    const toolCall = { id: "call_1", type: "function" as const, function: { name: "lookup_order", arguments: '{"id":"42"}' } };
    candidate.enqueueChat({ kind: "answer", text: "Paris." }, { kind: "answer", text: "", toolCalls: [toolCall] });
    const conversation: CandidateItem = {
      itemId: "b",
      input: [
        { role: "user", content: "Where is my order?" },
        { role: "assistant", content: null, tool_calls: [{ ...toolCall, id: "call_0" }] },
        { role: "tool", content: '{"status":"lost"}', tool_call_id: "call_0" },
      ],
    };
    const answers = await collectCandidateAnswers([item("a", "Capital of France?"), conversation], settings());
    expect(answers).toEqual([
      { itemId: "a", ok: true, output: "Paris.", attempts: 1 },
      // A tool-call answer is uploaded as text, each call as name(arguments).
      { itemId: "b", ok: true, output: 'lookup_order({"id":"42"})', attempts: 1 },
    ]);
    const sent = candidate.requests.slice(before);
    expect(sent.map((request) => request.authorization)).toEqual(["Bearer sk-candidate", "Bearer sk-candidate"]);
    expect(sent.map((request) => request.body)).toEqual([
      { model: "candidate-model", messages: item("a", "Capital of France?").input, temperature: 0 },
      { model: "candidate-model", messages: conversation.input, temperature: 0 },
    ]);
  });

  it("keeps at most `concurrency` calls open at once", async () => {
    let open = 0;
    let most = 0;
    const countingFetch: typeof fetch = async (...args) => {
      open += 1;
      most = Math.max(most, open);
      try {
        return await fetch(...args);
      } finally {
        open -= 1;
      }
    };
    const local = await startFakeOpenAiServer({ chat: () => ({ kind: "answer", text: "ok", delayMs: 20 }) });
    try {
      const items = Array.from({ length: 7 }, (_, index) => item(String(index)));
      const answers = await collectCandidateAnswers(items, settings({ endpoint: local.url, concurrency: 3 }), { fetch: countingFetch });
      expect(answers.map((answer) => answer.ok)).toEqual(Array<boolean>(7).fill(true));
      expect(local.chatRequests()).toHaveLength(7);
      expect(most).toBe(3);
    } finally {
      await local.close();
    }
  });

  it("retries 5xx and 429 with exponential backoff and jitter, honouring Retry-After", async () => {
    candidate.enqueueChat(
      { kind: "status", status: 500 },
      { kind: "status", status: 429, headers: { "retry-after": "2" } },
      { kind: "answer", text: "Finally." },
    );
    const { waits, sleep } = recordedSleeps();
    const retried: string[] = [];
    const answers = await collectCandidateAnswers([item("a")], settings(), {
      sleep,
      random: () => 0.5,
      onRetry: (itemId, error) => retried.push(`${itemId} ${String(error.status)}`),
    });
    expect(answers).toEqual([{ itemId: "a", ok: true, output: "Finally.", attempts: 3 }]);
    // First retry: half of the 1 s step fixed, half random (0.5); the second waits what the 429 asked.
    expect(waits).toEqual([750, 2_000]);
    expect(retried).toEqual(["a 500", "a 429"]);
  });

  it("gives up on an item after its attempts, with the reason, and still answers the others", async () => {
    candidate.enqueueChat(
      { kind: "status", status: 503 },
      { kind: "status", status: 503 },
      { kind: "status", status: 503 },
      { kind: "answer", text: "Fine." },
    );
    const settled: CandidateAnswer[] = [];
    const answers = await collectCandidateAnswers([item("a"), item("b")], settings(), {
      sleep: recordedSleeps().sleep,
      onAnswer: (answer) => settled.push(answer),
    });
    expect(answers).toEqual([
      {
        itemId: "a",
        ok: false,
        error: expect.stringMatching(/HTTP 503: Fake status 503 \(gave up after 3 attempts\)$/) as string,
        attempts: 3,
      },
      { itemId: "b", ok: true, output: "Fine.", attempts: 1 },
    ]);
    expect(settled).toEqual(answers);
  });

  it("does not retry an answer that is not the protocol", async () => {
    const before = candidate.requests.length;
    candidate.enqueueChat({ kind: "raw", body: "<html>proxy error</html>" });
    const [answer] = await collectCandidateAnswers([item("a")], settings(), { sleep: recordedSleeps().sleep });
    expect(answer).toMatchObject({ itemId: "a", ok: false, attempts: 1, error: expect.stringMatching(/not JSON/) as string });
    expect(candidate.requests.length - before).toBe(1);
  });

  it("stops the whole run when the endpoint refuses the key, without calling the other items", async () => {
    const before = candidate.requests.length;
    const run = collectCandidateAnswers([item("a"), item("b"), item("c")], settings({ apiKey: "sk-wrong" }));
    await expect(run).rejects.toThrow(CandidateRefusedError);
    await expect(run).rejects.toThrow(/HTTP 401: Incorrect API key/);
    expect(candidate.requests.length - before).toBe(1);
  });
});
