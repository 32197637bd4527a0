import { describe, expect, it } from "vitest";
import fixture from "./alwaysValidInferenceFixture.json";
import { defaultSequentialOptions } from "./alwaysValidInference";
import {
  alwaysValidQuantileInterval,
  alwaysValidQuantileRanks,
  countAbove,
  sampleQuantile,
  shareAboveBaselineQuantile,
  sortedAscending,
} from "./quantileInference";

describe("always-valid quantile intervals from order statistics", () => {
  it.each(fixture.quantile_ranks)("n=$n q=$q: ranks as computed in Python", (row) => {
    expect(alwaysValidQuantileRanks(row.n, row.q, defaultSequentialOptions)).toEqual({ lower: row.lower_rank, upper: row.upper_rank });
  });

  it.each(fixture.quantile_ranks)(
    "n=$n q=$q: covers at least 95 % at one look (scipy.stats.binom) and contains the exact binomial interval",
    (row) => {
      expect(row.fixed_n_coverage).toBeGreaterThanOrEqual(0.95);
      expect(row.lower_rank).toBeLessThanOrEqual(row.classical_lower_rank);
      expect(row.upper_rank).toBeGreaterThanOrEqual(row.classical_upper_rank);
    },
  );

  it("leaves a side open while too few values can bound it, and closes it as data come in", () => {
    const values = sortedAscending(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(alwaysValidQuantileInterval(values, 0.95, defaultSequentialOptions).upper).toBe(Infinity);
    const many = sortedAscending(Array.from({ length: 20_000 }, (_, i) => i + 1));
    const interval = alwaysValidQuantileInterval(many, 0.95, defaultSequentialOptions);
    expect(interval).toEqual({ lower: 18_906, upper: 19_095 });
  });

  it.each(fixture.sample_quantiles)("sample quantile q=$q of $values matches numpy's inverted_cdf", ({ values, q, quantile }) => {
    expect(sampleQuantile(sortedAscending(values), q)).toBe(quantile);
  });
});

describe("share above the baseline's quantile", () => {
  it("counts values strictly above a threshold, ties included below", () => {
    const sorted = sortedAscending([5, 1, 2, 2, 2, 3, 9]);
    expect(countAbove(sorted, 2)).toBe(3);
    expect(countAbove(sorted, 0)).toBe(7);
    expect(countAbove(sorted, 9)).toBe(0);
  });

  it("puts 5 % of the baseline above its p95 and measures the candidate against the same threshold", () => {
    const baseline = sortedAscending(Array.from({ length: 1_000 }, (_, i) => i + 1));
    const candidate = sortedAscending(Array.from({ length: 200 }, (_, i) => 5 * (i + 1)));
    const shares = shareAboveBaselineQuantile(baseline, candidate, 0.95);
    expect(shares.threshold).toBe(950);
    expect(shares.baseline.mean).toBeCloseTo(0.05, 12);
    expect(shares.candidate.mean).toBeCloseTo(10 / 200, 12);
  });
});
