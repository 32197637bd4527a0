/**
 * Correlation between an evaluator's numbers and the numbers people gave the same traces.
 */

/** Pearson's r; null when it is undefined (fewer than two pairs, or either side never varies). */
export function pearsonCorrelation(pairs: readonly (readonly [number, number])[]): number | null {
  const n = pairs.length;
  if (n < 2) return null;
  let sumX = 0;
  let sumY = 0;
  for (const [x, y] of pairs) {
    sumX += x;
    sumY += y;
  }
  const meanX = sumX / n;
  const meanY = sumY / n;
  // Centred sums rather than the one-pass formula: scores bunch near one value, where the
  // one-pass formula cancels catastrophically.
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (const [x, y] of pairs) {
    covariance += (x - meanX) * (y - meanY);
    varianceX += (x - meanX) ** 2;
    varianceY += (y - meanY) ** 2;
  }
  if (varianceX === 0 || varianceY === 0) return null;
  return Math.max(-1, Math.min(1, covariance / Math.sqrt(varianceX * varianceY)));
}

/** Each value's rank from 1, tied values sharing the average of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length).fill(0);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.value === order[start]?.value) end++;
    const rank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i++) ranks[order[i]?.index ?? 0] = rank;
    start = end + 1;
  }
  return ranks;
}

/**
 * Spearman's rho: Pearson's r of the average ranks, so ties (scores on a few steps, as
 * judges give) are handled exactly. Null when it is undefined, as for Pearson.
 */
export function spearmanCorrelation(pairs: readonly (readonly [number, number])[]): number | null {
  const xs = averageRanks(pairs.map(([x]) => x));
  const ys = averageRanks(pairs.map(([, y]) => y));
  return pearsonCorrelation(xs.map((x, i) => [x, ys[i] ?? 0] as const));
}
