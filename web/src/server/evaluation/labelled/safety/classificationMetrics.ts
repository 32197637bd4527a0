/** Counts and rates for a yes/no classifier measured against human labels. */
export interface BinaryMetrics {
  n: number;
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
  accuracy: number;
  /** Of the items flagged, the share that are positive; NaN when nothing was flagged. */
  precision: number;
  /** Of the positive items, the share flagged; NaN when there are none. */
  recall: number;
}

export function binaryMetrics(items: readonly { predicted: boolean; actual: boolean }[]): BinaryMetrics {
  let truePositives = 0;
  let falsePositives = 0;
  let trueNegatives = 0;
  let falseNegatives = 0;
  for (const { predicted, actual } of items) {
    if (predicted && actual) truePositives++;
    else if (predicted) falsePositives++;
    else if (actual) falseNegatives++;
    else trueNegatives++;
  }
  return {
    n: items.length,
    truePositives,
    falsePositives,
    trueNegatives,
    falseNegatives,
    accuracy: (truePositives + trueNegatives) / items.length,
    precision: truePositives / (truePositives + falsePositives),
    recall: truePositives / (truePositives + falseNegatives),
  };
}

/**
 * ROC-AUC as the Mann-Whitney statistic: the probability that a random positive scores higher
 * than a random negative, ties counting one half. Quadratic, which is fine for labelled sets of
 * a few thousand items and keeps the definition plain.
 */
export function rocAuc(items: readonly { score: number; actual: boolean }[]): number {
  const positives = items.filter((item) => item.actual).map((item) => item.score);
  const negatives = items.filter((item) => !item.actual).map((item) => item.score);
  let wins = 0;
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}
