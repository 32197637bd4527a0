import { describe, expect, it } from "vitest";
import {
  bucketIndex,
  bucketValue,
  histogramOf,
  histogramQuantile,
  histogramSample,
  mergeHistograms,
  relativeAccuracy,
} from "@/server/metrics/logHistogram";

/** percentile_cont, written out independently: linear interpolation between order statistics. */
function percentileCont(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = q * (sorted.length - 1);
  const lower = sorted[Math.floor(rank)] ?? 0;
  const upper = sorted[Math.ceil(rank)] ?? 0;
  return lower + (upper - lower) * (rank - Math.floor(rank));
}

/** A deterministic generator, so a failure can be replayed. */
function lcg(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("log histogram", () => {
  it("keeps every value within the relative accuracy of its bucket's representative", () => {
    for (const value of [0, 1, 2, 3, 10, 99, 100, 101, 1234, 65_432, 3_600_000]) {
      const represented = bucketValue(bucketIndex(value));
      expect(Math.abs(represented - value)).toBeLessThanOrEqual(relativeAccuracy * (value + 1) + 1e-9);
    }
  });

  it("matches percentile_cont within α·(p + 1) on skewed latencies, also after merging", () => {
    const random = lcg(42);
    const values = Array.from({ length: 5_000 }, () => Math.round(Math.exp(4 + 2.5 * random()) + 30 * random()));
    const merged = mergeHistograms(histogramOf(values.slice(0, 2_000)), histogramOf(values.slice(2_000)));
    for (const q of [0, 0.01, 0.5, 0.9, 0.95, 0.99, 1]) {
      const exact = percentileCont(values, q);
      const estimate = histogramQuantile(merged, q) ?? Number.NaN;
      expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(relativeAccuracy * (exact + 1) + 1e-9);
    }
  });

  it("has no quantile when empty and the value itself for one sample", () => {
    expect(histogramQuantile({}, 0.5)).toBeNull();
    const one = histogramQuantile(histogramOf([250]), 0.99) ?? 0;
    expect(Math.abs(one - 250)).toBeLessThanOrEqual(relativeAccuracy * 251);
  });
});

describe("a histogram as an ordered sample", () => {
  const values = Array.from({ length: 1000 }, (_, i) => 40 + ((i * 7919) % 3000));
  const sorted = [...values].sort((a, b) => a - b);
  const sample = histogramSample(histogramOf(values));

  it("gives the rank-th smallest value within the histogram's accuracy, at every rank", () => {
    expect(sample.size).toBe(1000);
    for (const rank of [1, 2, 50, 500, 950, 999, 1000]) {
      const exact = sorted[rank - 1] ?? Number.NaN;
      expect(Math.abs(sample.valueAtRank(rank) - exact)).toBeLessThanOrEqual(relativeAccuracy * (exact + 1));
    }
  });

  it("counts the values above a value read from it: those of higher buckets, none of its own", () => {
    const threshold = sample.valueAtRank(950);
    const above = sorted.filter((value) => bucketIndex(value) > bucketIndex(sorted[949] ?? 0)).length;
    expect(sample.countAbove(threshold)).toBe(above);
    expect(above).toBeLessThanOrEqual(50);
    expect(sample.countAbove(-1)).toBe(1000);
    expect(sample.countAbove(sample.valueAtRank(1000))).toBe(0);
    expect(histogramSample({}).size).toBe(0);
  });
});
