// The correctness cases on real questions (realTextQuestions.json), embedded once with
// the default lexstyle embedder: over 40 seeds, same-source windows of 500 raise drift at most
// 5 % of the time, and a topic switch, a language switch and a chat-style rewrite of a third
// of the questions are detected in at least 95 % of them. Rates measured over 100 seeds are in
// the method folder's README.
import { beforeAll, describe, expect, it } from "vitest";
import { lexstyleEmbedder } from "../../embeddings/lexstyleEmbedder";
import type { DriftVerdict } from "./driftVerdict";
import { realTextScenarios, rewritesInStyleShift, SCENARIOS, type EmbeddedCorpora, type Scenario } from "./realTextScenarios";
import questions from "./realTextQuestions.json";
import { slangRewrite } from "./slangRewrite";

const SEEDS = 40;
const verdicts = new Map<Scenario, DriftVerdict[]>(SCENARIOS.map((scenario) => [scenario, []]));
const rate = (scenario: Scenario, verdict: DriftVerdict): number =>
  (verdicts.get(scenario) ?? []).filter((each) => each === verdict).length / SEEDS;

beforeAll(async () => {
  const rewritten = questions.gsm8k.flatMap((_, index) => (rewritesInStyleShift(index) ? [index] : []));
  const slang = await lexstyleEmbedder.embed(rewritten.map((index) => slangRewrite(questions.gsm8k[index] ?? "")));
  const corpora: EmbeddedCorpora = {
    gsm8k: await lexstyleEmbedder.embed(questions.gsm8k),
    gsm8kSlang: new Map(rewritten.map((index, i) => [index, slang[i] ?? new Float32Array()])),
    truthfulqa: await lexstyleEmbedder.embed(questions.truthfulqa),
    mgsmDe: await lexstyleEmbedder.embed(questions.mgsm_de),
    mgsmEs: await lexstyleEmbedder.embed(questions.mgsm_es),
  };
  for (let seed = 1; seed <= SEEDS; seed++) {
    const result = realTextScenarios(corpora, seed);
    for (const scenario of SCENARIOS) verdicts.get(scenario)?.push(result[scenario].verdict);
  }
}, 120_000);

describe("drift on real questions, windows of 500, lexstyle embeddings", () => {
  it("stays quiet on GSM8K questions the golden set never saw (MGSM English among them)", () => {
    expect(rate("sameSource", "drift")).toBeLessThanOrEqual(0.05);
  });

  it("detects a topic switch to TruthfulQA questions", () => {
    expect(rate("topicSwitch", "drift")).toBeGreaterThanOrEqual(0.95);
  });

  it("detects German and Spanish questions in place of English ones", () => {
    expect(rate("languageSwitch", "drift")).toBeGreaterThanOrEqual(0.95);
  });

  it("detects a third of the same questions rewritten with slang and emojis", () => {
    expect(rate("styleShift", "drift")).toBeGreaterThanOrEqual(0.95);
  });
});
