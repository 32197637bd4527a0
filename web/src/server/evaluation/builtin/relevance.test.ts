import { describe, expect, it } from "vitest";
import { defaultSemanticEmbedder } from "@/server/embeddings/defaultSemanticEmbedder";
import { lexstyleEmbedder } from "@/server/embeddings/lexstyleEmbedder";
import type { Embedder } from "@/server/embeddings/embedder";
import type { EvaluationSubject, EvaluatorScore } from "../evaluatorTypes";
import sample from "../labelled/labelledSample.json";
import { accuracyAt, rocAuc } from "../labelled/rocAuc";
import { calibratedRelevance, relevanceEvaluator } from "./relevance";
import { RELEVANCE_CALIBRATION } from "./relevanceCalibration";

const embedder = defaultSemanticEmbedder();
const subject = (input: string, output: string): EvaluationSubject => ({ input, output, contexts: [] });
const only = (scores: EvaluatorScore[]): EvaluatorScore => {
  expect(scores).toHaveLength(1);
  const [score] = scores;
  if (score === undefined) throw new Error("no score");
  return score;
};
const relevanceOf = async (input: string, output: string, using: Embedder = embedder): Promise<number> => {
  const { value } = only(await relevanceEvaluator.evaluate(subject(input, output), { embedder: using }));
  if (typeof value !== "number") throw new Error("relevance is not numeric");
  return value;
};

describe("relevance on the labelled sample (held-out TruthfulQA and GSM8K pairs)", () => {
  it("ranks a question's own answer above another question's answer (ROC-AUC >= 0.95, accuracy >= 0.85)", async () => {
    const scored = [];
    for (const example of sample.relevance)
      scored.push({ score: await relevanceOf(example.question, example.answer), positive: example.relevant });
    expect(rocAuc(scored)).toBeGreaterThanOrEqual(0.95);
    expect(accuracyAt(scored, 0.5)).toBeGreaterThanOrEqual(0.85);
  });
});

describe("relevanceEvaluator", () => {
  it("scores an on-topic answer high and an off-topic one low, explaining why", async () => {
    const question = "How long should I boil an egg for a soft yolk?";
    const onTopic = await relevanceOf(question, "Boil the egg for about six minutes, then cool it in cold water so the yolk stays soft.");
    const offTopic = await relevanceOf(question, "Our premium plan includes unlimited projects and priority support.");
    expect(onTopic).toBeGreaterThan(0.5);
    expect(offTopic).toBeLessThan(0.5);
    const { explanation, name, dataType } = only(
      await relevanceEvaluator.evaluate(subject(question, "Our premium plan includes unlimited projects."), { embedder }),
    );
    expect({ name, dataType }).toEqual({ name: "relevance", dataType: "numeric" });
    expect(explanation).toMatch(/off-topic/u);
    expect(explanation).toContain("glove-sif-100d-v1");
  });

  it("applies only when there is both a question and an answer", () => {
    const context = { embedder };
    expect(relevanceEvaluator.applies(subject("What is 2 + 2?", "4"), context)).toBe(true);
    expect(relevanceEvaluator.applies(subject("  ", "4"), context)).toBe(false);
    expect(relevanceEvaluator.applies(subject("What is 2 + 2?", ""), context)).toBe(false);
  });

  it("maps cosine through the embedder's fitted logistic curve, and clips it for an embedder without one", () => {
    const curve = RELEVANCE_CALIBRATION["glove-sif-100d-v1"];
    if (curve === undefined) throw new Error("no GloVe calibration");
    // At the cosine where intercept + slope * x = 0 the curve gives exactly one half.
    expect(calibratedRelevance("glove-sif-100d-v1", -curve.intercept / curve.slope).score).toBeCloseTo(0.5, 12);
    expect(calibratedRelevance("openai:text-embedding-3-small", 0.42)).toEqual({ score: 0.42, calibrated: false });
    expect(calibratedRelevance("openai:text-embedding-3-small", -0.2).score).toBe(0);
  });

  it("also works with lexstyle, whose curve was fitted separately", async () => {
    const question = "What is the capital of France?";
    expect(await relevanceOf(question, "The capital of France is Paris.", lexstyleEmbedder)).toBeGreaterThan(
      await relevanceOf(question, "Take two tablets after meals.", lexstyleEmbedder),
    );
  });
});
