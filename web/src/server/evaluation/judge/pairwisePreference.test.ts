import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JudgeSettings } from "@/contracts/judge";
import { judgePairwise, parsePreference, type PairwiseSubject } from "@/server/evaluation/judge/pairwisePreference";
import { startFakeOpenAiServer, type FakeChatRequestBody, type FakeOpenAiServer, type FakeReply } from "@/test/fakeOpenAiServer";

// The judge is a real HTTP server speaking Chat Completions; how it decides is scripted per test.
let decide: (request: FakeChatRequestBody) => unknown = () => ({ reasoning: "", preferred: "tie" });
let fake: FakeOpenAiServer;
beforeAll(async () => {
  fake = await startFakeOpenAiServer({ chat: (request): FakeReply => ({ kind: "answer", text: JSON.stringify(decide(request)) }) });
});
afterAll(() => fake.close());

const settings = (): JudgeSettings => ({ baseUrl: fake.url, model: "judge-model", rubric: "correctness", maxAttempts: 2 });
const subject: PairwiseSubject = {
  question: "What is the refund window?",
  candidate: "You can get a refund within 30 days.",
  reference: "Refunds are possible within 14 days.",
};

/** The answers as the judge saw them, in order. */
function shownAnswers(request: FakeChatRequestBody): { a: string; b: string } {
  const text = request.messages.at(-1)?.content ?? "";
  const between = (tag: string) => new RegExp(`<${tag}>\\n([\\s\\S]*?)\\n</${tag}>`).exec(text)?.[1] ?? "";
  return { a: between("answer_a"), b: between("answer_b") };
}

/** A judge that knows the window is 30 days, wherever that answer is shown. */
const knowsTheAnswer = (request: FakeChatRequestBody) => {
  const { a, b } = shownAnswers(request);
  const right = (answer: string) => answer.includes("30 days");
  return { reasoning: "The window is 30 days.", preferred: right(a) === right(b) ? "tie" : right(a) ? "A" : "B" };
};

/** mulberry32: a seeded generator, so a run of draws is the same every time. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("parsePreference", () => {
  it("reads A, B and tie as models write them, and refuses anything else", () => {
    expect(parsePreference('{"reasoning": "x", "preferred": "A"}')).toEqual({ ok: true, value: "A", reasoning: "x" });
    expect(parsePreference('```json\n{"preferred": "Answer B", "reasoning": "y",}\n```')).toEqual({ ok: true, value: "B", reasoning: "y" });
    expect(parsePreference('{"preferred": "TIE"}')).toMatchObject({ ok: true, value: "tie" });
    expect(parsePreference('{"preferred": "both"}')).toEqual({ ok: false, error: 'The judge\'s choice "both" is not A, B or tie' });
    expect(parsePreference('{"score": 1}')).toEqual({ ok: false, error: "The judge's choice null is not A, B or tie" });
    expect(parsePreference("I prefer A")).toMatchObject({ ok: false, error: expect.stringContaining("not JSON") as unknown });
  });
});

describe("judgePairwise", () => {
  it("shows the candidate where the draw puts it and maps the choice back to the candidate", async () => {
    decide = knowsTheAnswer;
    const first = await judgePairwise(settings(), subject, { bothOrders: false }, { random: () => 0.1 });
    const second = await judgePairwise(settings(), subject, { bothOrders: false }, { random: () => 0.9 });
    expect(first).toMatchObject({ ok: true, preferred: "candidate", looks: [{ candidateShown: "A", preferred: "candidate" }] });
    expect(second).toMatchObject({ ok: true, preferred: "candidate", looks: [{ candidateShown: "B", preferred: "candidate" }] });
    const [shownFirst, shownSecond] = fake.chatRequests().slice(-2).map(shownAnswers);
    expect(shownFirst).toEqual({ a: subject.candidate, b: subject.reference });
    expect(shownSecond).toEqual({ a: subject.reference, b: subject.candidate });
    // The wrong answer loses in either place.
    const wrong = { ...subject, candidate: subject.reference, reference: subject.candidate };
    expect(await judgePairwise(settings(), wrong, { bothOrders: false }, { random: () => 0.9 })).toMatchObject({ preferred: "reference" });
  });

  it("asks for a strict A/B/tie choice at temperature 0, with both answers fenced in tags", async () => {
    decide = knowsTheAnswer;
    await judgePairwise(settings(), subject, { bothOrders: false }, { random: () => 0.1 });
    const request = fake.chatRequests().at(-1);
    expect(request?.temperature).toBe(0);
    expect(request?.response_format?.json_schema?.name).toBe("pairwise_preference");
    expect(request?.messages[0]?.content).toContain("order of the answers is random");
  });

  it("spreads a judge's position bias over both sides: one that always picks A gives the candidate about half", async () => {
    decide = () => ({ reasoning: "The first one reads better.", preferred: "A" });
    const random = seeded(15);
    const outcomes = [];
    for (let index = 0; index < 200; index += 1) outcomes.push(await judgePairwise(settings(), subject, { bothOrders: false }, { random }));
    const wins = outcomes.filter((outcome) => outcome.ok && outcome.preferred === "candidate").length;
    // Binomial(200, 0.5): 99.9 % of runs fall within 100 ± 24; always showing the candidate first would give 200.
    expect(wins).toBeGreaterThan(76);
    expect(wins).toBeLessThan(124);
  });

  it("with both orders, cancels the bias within one comparison: a choice that flips with the order is a tie", async () => {
    decide = () => ({ reasoning: "The first one reads better.", preferred: "A" });
    const biased = await judgePairwise(settings(), subject, { bothOrders: true });
    expect(biased).toMatchObject({
      ok: true,
      preferred: "tie",
      looks: [
        { candidateShown: "A", preferred: "candidate" },
        { candidateShown: "B", preferred: "reference" },
      ],
    });
    expect(biased.calls).toHaveLength(2);
    decide = knowsTheAnswer;
    expect(await judgePairwise(settings(), subject, { bothOrders: true })).toMatchObject({ ok: true, preferred: "candidate" });
  });

  it("retries an answer it cannot read, then fails with the reason rather than guess", async () => {
    decide = () => ({ reasoning: "Both are fine.", preferred: "neither" });
    const outcome = await judgePairwise(settings(), subject, { bothOrders: false }, { sleep: () => Promise.resolve() });
    expect(outcome).toMatchObject({ ok: false, error: expect.stringContaining('"neither" is not A, B or tie') as unknown });
    expect(outcome.calls).toHaveLength(2);
  });
});
