import type { OrderedSample } from "@/server/stats/quantileInference";

/**
 * A mergeable log-bucket histogram (the DDSketch idea) for latencies in milliseconds.
 *
 * A value x is counted in bucket i = ceil(log_γ(x + 1)), γ = (1 + α) / (1 − α), and a
 * bucket stands for 2γ^i / (γ + 1) − 1. Every value in bucket i is then within a
 * relative error α of that representative, measured on x + 1 (the shift lets 0 ms in).
 * Histograms merge by adding counts, so per-minute rollups add up to any range.
 *
 * Quantiles follow percentile_cont: the rank r = q·(n − 1) lies between the order
 * statistics ⌊r⌋ and ⌈r⌉, and the estimate interpolates between their buckets'
 * representatives. Hence |estimate − percentile_cont| ≤ α · (percentile_cont + 1).
 */
export const relativeAccuracy = 0.01;
export const gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
export const logGamma = Math.log(gamma);

/** Bucket index → count. Stored as JSON in rollups, so keys are strings. */
export type LogHistogram = Record<string, number>;

export function bucketIndex(value: number): number {
  return Math.ceil(Math.log(Math.max(value, 0) + 1) / logGamma);
}

export function bucketValue(index: number): number {
  return index <= 0 ? 0 : (2 * gamma ** index) / (gamma + 1) - 1;
}

export function histogramOf(values: number[]): LogHistogram {
  const histogram: LogHistogram = {};
  for (const value of values) {
    const key = String(bucketIndex(value));
    histogram[key] = (histogram[key] ?? 0) + 1;
  }
  return histogram;
}

export function mergeHistograms(into: LogHistogram, other: LogHistogram): LogHistogram {
  for (const [key, count] of Object.entries(other)) into[key] = (into[key] ?? 0) + count;
  return into;
}

export function histogramCount(histogram: LogHistogram): number {
  return Object.values(histogram).reduce((total, count) => total + count, 0);
}

/** The q-quantiles (0 ≤ q ≤ 1) in the sense of percentile_cont, sorting the buckets once; null for no values. */
export function histogramQuantiles(histogram: LogHistogram, qs: number[]): (number | null)[] {
  const buckets: [number, number][] = [];
  let total = 0;
  for (const key in histogram) {
    const count = histogram[key] ?? 0;
    if (count > 0) {
      buckets.push([Number(key), count]);
      total += count;
    }
  }
  if (total === 0) return qs.map(() => null);
  buckets.sort((a, b) => a[0] - b[0]);
  const valueAtRank = (target: number): number => {
    let seen = 0;
    for (const [index, count] of buckets) {
      seen += count;
      if (target < seen) return bucketValue(index);
    }
    return bucketValue(buckets.at(-1)?.[0] ?? 0);
  };
  return qs.map((q) => {
    const rank = Math.min(Math.max(q, 0), 1) * (total - 1);
    const lower = valueAtRank(Math.floor(rank));
    const upper = valueAtRank(Math.ceil(rank));
    return lower + (upper - lower) * (rank - Math.floor(rank));
  });
}

/** The q-quantile (0 ≤ q ≤ 1) in the sense of percentile_cont, or null for no values. */
export function histogramQuantile(histogram: LogHistogram, q: number): number | null {
  return histogramQuantiles(histogram, [q])[0] ?? null;
}

/**
 * The histogram as an ordered sample for the release comparison's percentile inference: the
 * rank-th smallest value is its bucket's representative, and "above a threshold" counts the
 * buckets whose representative is above it (a threshold read from another histogram is itself
 * a representative, so ties fall in the same bucket and count as not above).
 */
export function histogramSample(histogram: LogHistogram): OrderedSample {
  const buckets = Object.entries(histogram)
    .map(([key, count]) => ({ value: bucketValue(Number(key)), count }))
    .filter((bucket) => bucket.count > 0)
    .sort((a, b) => a.value - b.value);
  const size = buckets.reduce((total, bucket) => total + bucket.count, 0);
  return {
    size,
    valueAtRank: (rank) => {
      let seen = 0;
      for (const bucket of buckets) {
        seen += bucket.count;
        if (rank <= seen) return bucket.value;
      }
      return Number.NaN;
    },
    countAbove: (threshold) => buckets.reduce((total, bucket) => (bucket.value > threshold ? total + bucket.count : total), 0),
  };
}
