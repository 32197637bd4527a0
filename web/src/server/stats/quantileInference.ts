// Percentile metrics (latency p50/p95, time to first token p95) have no mean and variance to
// feed the mean test, and a normal approximation of a sample quantile needs the density at the
// quantile, which a skewed latency distribution makes hard to estimate. Both parts here are
// distribution-free instead, and always valid like the mean test:
//
// - Per arm, an interval for the q-quantile from order statistics. The number of observations
//   at or below the true quantile is Binomial(n, q) at every n, so the confidence sequence for
//   a proportion (known variance q(1 - q)) bounds it at all looks at once, and the order
//   statistics at the bounding ranks bracket the quantile (the classical binomial
//   construction, made time-uniform).
// - For the verdict, the share of each arm's requests above the baseline's sample quantile,
//   compared as two proportions (a Mood-type quantile test). Under "same distribution" both
//   arms' shares have the same mean; the baseline quantile's own noise is part of the
//   baseline share's variance, so a 50/50 split is not overconfident. The difference reads
//   "7.9 % of candidate requests are slower than the baseline p95, against 5.0 %".
import {
  alwaysValidHalfWidth,
  mixturePrecision,
  proportionStatistics,
  type ArmStatistics,
  type Interval,
  type SequentialOptions,
} from "@/server/stats/alwaysValidInference";

/**
 * Observations in order, as a quantile and its interval read them: the raw values sorted, or a
 * histogram of them (a release comparison reads latency from rollup histograms, whose buckets
 * are 1 % wide, rather than a million raw values).
 */
export interface OrderedSample {
  readonly size: number;
  /** The rank-th smallest value (1-based, 1 <= rank <= size). */
  valueAtRank(rank: number): number;
  /** How many values are strictly above `threshold`. */
  countAbove(threshold: number): number;
}

/** Raw values as an ordered sample (sorted once; counts by binary search). */
export function sortedAscending(values: ArrayLike<number>): OrderedSample {
  const sorted = Float64Array.from(values).sort();
  return {
    size: sorted.length,
    valueAtRank: (rank) => sorted[rank - 1] ?? NaN,
    countAbove: (threshold) => {
      let low = 0;
      let high = sorted.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((sorted[middle] ?? NaN) <= threshold) low = middle + 1;
        else high = middle;
      }
      return sorted.length - low;
    },
  };
}

/**
 * 1-based ranks of the order statistics that bracket the q-quantile (0 < q < 1) of n values at
 * every n at once: 0 means nothing bounds it below yet, n + 1 nothing above.
 */
export function alwaysValidQuantileRanks(n: number, q: number, options: SequentialOptions): { lower: number; upper: number } {
  if (!(q > 0 && q < 1)) throw new RangeError(`quantile must lie in (0, 1), got ${q}`);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`need at least one value, got ${n}`);
  const countHalfWidth = n * alwaysValidHalfWidth(Math.sqrt((q * (1 - q)) / n), n, options.alpha, mixturePrecision(options));
  // At or below the quantile lie at least nq - w values, so the ceil(nq - w)-th is at or below
  // it; at most nq + w, so the value one rank above floor(nq + w) lies above it.
  const lower = Math.ceil(n * q - countHalfWidth);
  const upper = Math.floor(n * q + countHalfWidth) + 1;
  return { lower: Math.max(lower, 0), upper: Math.min(upper, n + 1) };
}

/** The sample q-quantile: the ceil(nq)-th smallest value (the inverse of the empirical distribution). */
export function sampleQuantile(sample: OrderedSample, q: number): number {
  if (sample.size === 0) throw new RangeError("quantile of no values");
  return sample.valueAtRank(Math.max(Math.ceil(sample.size * q), 1));
}

/** The always-valid interval for the q-quantile; an unbounded side is -Infinity or Infinity. */
export function alwaysValidQuantileInterval(sample: OrderedSample, q: number, options: SequentialOptions): Interval {
  const { lower, upper } = alwaysValidQuantileRanks(sample.size, q, options);
  return {
    lower: lower === 0 ? -Infinity : sample.valueAtRank(lower),
    upper: upper === sample.size + 1 ? Infinity : sample.valueAtRank(upper),
  };
}

/** How many values of the sample are strictly above `threshold`. */
export const countAbove = (sample: OrderedSample, threshold: number): number => sample.countAbove(threshold);

/** Each arm's share of values above the baseline's sample q-quantile, as proportions for the mean test. */
export function shareAboveBaselineQuantile(
  baseline: OrderedSample,
  candidate: OrderedSample,
  q: number,
): { threshold: number; baseline: ArmStatistics; candidate: ArmStatistics } {
  const threshold = sampleQuantile(baseline, q);
  return {
    threshold,
    baseline: proportionStatistics(baseline.countAbove(threshold), baseline.size),
    candidate: proportionStatistics(candidate.countAbove(threshold), candidate.size),
  };
}
