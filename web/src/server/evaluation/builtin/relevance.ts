// The `relevance` built-in: does the answer address the question? The cosine of their
// embeddings, calibrated to 0..1 by a logistic curve fitted per embedder on labelled pairs
// (a question with its own answer vs another question's answer, equal numbers of each), so
// the score reads as "the probability that an answer this similar is on topic".
import { cosineSimilarity } from "@/server/embeddings/cosineSimilarity";
import type { BuiltinEvaluator, EvaluationSubject } from "../evaluatorTypes";
import { logistic } from "../labelled/logisticFit";
import { RELEVANCE_CALIBRATION } from "./relevanceCalibration";

/** Below this the explanation calls the answer off-topic: equal odds under the calibration. */
export const RELEVANCE_THRESHOLD = 0.5;

const hasText = (text: string): boolean => text.trim() !== "";

/** The calibrated score of a cosine for an embedder; an embedder without a fitted curve gets max(0, cosine). */
export const calibratedRelevance = (embedderId: string, cosine: number): { score: number; calibrated: boolean } => {
  const curve = RELEVANCE_CALIBRATION[embedderId];
  if (curve === undefined) return { score: Math.min(1, Math.max(0, cosine)), calibrated: false };
  return { score: logistic(curve, cosine), calibrated: true };
};

export const relevanceEvaluator: BuiltinEvaluator = {
  kind: "relevance",
  version: 1,
  applies: (subject: EvaluationSubject) => hasText(subject.input) && hasText(subject.output),
  evaluate: async (subject, { embedder }) => {
    const [question, answer] = await embedder.embed([subject.input, subject.output]);
    const cosine = cosineSimilarity(question ?? [], answer ?? []);
    const { score, calibrated } = calibratedRelevance(embedder.id, cosine);
    const verdict = score >= RELEVANCE_THRESHOLD ? "addresses the question" : "looks off-topic for the question";
    const scale = calibrated
      ? `calibrated on ${RELEVANCE_CALIBRATION[embedder.id]?.pairs ?? 0} labelled question/answer pairs`
      : "uncalibrated for this embedder: the cosine clipped to 0..1";
    return [
      {
        name: "relevance",
        dataType: "numeric",
        value: score,
        explanation: `The answer ${verdict} (relevance ${score.toFixed(2)}; question/answer cosine ${cosine.toFixed(2)} with ${embedder.id}, ${scale}). It measures topic overlap, not correctness.`,
      },
    ];
  },
};
