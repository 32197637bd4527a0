import { averageRanks } from "@/server/evaluation/agreement/correlation";

/** One scored example: `positive` is the label, `score` the evaluator's value (higher = more positive). */
export interface ScoredLabel {
  score: number;
  positive: boolean;
}

/**
 * ROC-AUC as the probability that a random positive scores above a random negative, ties
 * counting one half (the Mann-Whitney U statistic over n+ * n-), computed from average ranks.
 */
export const rocAuc = (examples: readonly ScoredLabel[]): number => {
  const positives = examples.filter((example) => example.positive).length;
  const negatives = examples.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  const ranks = averageRanks(examples.map((example) => example.score));
  const positiveRankSum = examples.reduce((sum, example, i) => (example.positive ? sum + (ranks[i] ?? 0) : sum), 0);
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
};

/** Share of examples on the right side of a threshold (score >= threshold means positive). */
export const accuracyAt = (examples: readonly ScoredLabel[], threshold: number): number =>
  examples.filter((example) => example.score >= threshold === example.positive).length / examples.length;
