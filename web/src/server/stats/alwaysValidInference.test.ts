import { describe, expect, it } from "vitest";
import fixture from "./alwaysValidInferenceFixture.json";
import {
  alwaysValidDifference,
  alwaysValidHalfWidth,
  alwaysValidMean,
  alwaysValidPValue,
  defaultSequentialOptions,
  mixturePrecision,
  proportionStatistics,
} from "./alwaysValidInference";

const expectRelativelyClose = (actual: number, expected: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 + 1e-9 * Math.abs(expected));
};

describe("always-valid difference against GrowthBook's interval and the mixture SPRT (Python)", () => {
  it.each(fixture.differences)("$name", (row) => {
    const options = { alpha: row.alpha, plannedSampleSize: row.planned };
    const result = alwaysValidDifference(row.baseline, row.candidate, options);
    expectRelativelyClose(result.estimate, row.estimate);
    expectRelativelyClose(result.interval.lower, row.interval[0] ?? NaN);
    expectRelativelyClose(result.interval.upper, row.interval[1] ?? NaN);
    expectRelativelyClose(result.relative?.estimate ?? NaN, row.relative);
    expectRelativelyClose(result.relative?.interval.lower ?? NaN, row.relative_interval[0] ?? NaN);
    expectRelativelyClose(result.relative?.interval.upper ?? NaN, row.relative_interval[1] ?? NaN);
    expectRelativelyClose(result.pValue, row.p_value);
    expect(result.totalSamples).toBe(row.baseline.n + row.candidate.n);
    for (const [arm, expected] of [
      [row.baseline, row.arm_intervals.baseline],
      [row.candidate, row.arm_intervals.candidate],
    ] as const) {
      const { interval } = alwaysValidMean(arm, options);
      expectRelativelyClose(interval.lower, expected[0] ?? NaN);
      expectRelativelyClose(interval.upper, expected[1] ?? NaN);
    }
  });

  it.each(fixture.differences)("is wider than the one-look normal interval (scipy): $name", (row) => {
    const { interval } = alwaysValidDifference(row.baseline, row.candidate, { alpha: row.alpha, plannedSampleSize: row.planned });
    expect((interval.upper - interval.lower) / 2).toBeGreaterThan(row.fixed_sample_half_width * 1.3);
  });

  it("declares a difference exactly when its interval excludes 0", () => {
    for (const row of fixture.differences) {
      const result = alwaysValidDifference(row.baseline, row.candidate, { alpha: row.alpha, plannedSampleSize: row.planned });
      expect(result.pValue < row.alpha).toBe(result.interval.lower > 0 || result.interval.upper < 0);
    }
    // And at the boundary: an estimate exactly one half-width from 0 has p = alpha.
    const precision = mixturePrecision(defaultSequentialOptions);
    const halfWidth = alwaysValidHalfWidth(0.01, 5_000, 0.05, precision);
    expect(alwaysValidPValue(halfWidth, 0.01, 5_000, precision)).toBeCloseTo(0.05, 12);
  });

  it("gives the same p-value for latency in milliseconds and in seconds", () => {
    const [ms, s] = fixture.differences.filter((row) => row.name.startsWith("latency"));
    expect(ms && s).toBeTruthy();
    if (!ms || !s) return;
    expectRelativelyClose(alwaysValidDifference(ms.baseline, ms.candidate).pValue, alwaysValidDifference(s.baseline, s.candidate).pValue);
  });

  it("narrows the interval when the Bonferroni share of alpha is asked for, without changing the p-value", () => {
    const baseline = proportionStatistics(300, 3_000);
    const candidate = proportionStatistics(360, 3_000);
    const plain = alwaysValidDifference(baseline, candidate);
    const bonferroni = alwaysValidDifference(baseline, candidate, defaultSequentialOptions, 0.05 / 8);
    expect(bonferroni.interval.upper - bonferroni.interval.lower).toBeGreaterThan(plain.interval.upper - plain.interval.lower);
    expect(bonferroni.pValue).toBe(plain.pValue);
  });

  it("is tightest near the planned sample size", () => {
    const halfWidthAt = (n: number, planned: number): number =>
      alwaysValidHalfWidth(1 / Math.sqrt(n), n, 0.05, mixturePrecision({ alpha: 0.05, plannedSampleSize: planned }));
    expect(halfWidthAt(10_000, 10_000)).toBeLessThan(halfWidthAt(10_000, 1_000));
    expect(halfWidthAt(10_000, 10_000)).toBeLessThan(halfWidthAt(10_000, 100_000));
  });
});

describe("edge cases a comparison meets", () => {
  it("gives no relative difference when the baseline mean is 0", () => {
    expect(alwaysValidDifference(proportionStatistics(0, 500), proportionStatistics(4, 500)).relative).toBeNull();
  });

  it("treats two constant arms as certain: the same value is no evidence, different values a sure difference", () => {
    const none = proportionStatistics(0, 500);
    expect(alwaysValidDifference(none, none).pValue).toBe(1);
    const all = proportionStatistics(500, 500);
    expect(alwaysValidDifference(none, all)).toMatchObject({ estimate: 1, pValue: 0, interval: { lower: 1, upper: 1 } });
  });

  it("turns counts into a share with its Bernoulli variance and refuses impossible counts", () => {
    expect(proportionStatistics(25, 100)).toEqual({ n: 100, mean: 0.25, variance: 0.1875 });
    expect(proportionStatistics(0, 0)).toEqual({ n: 0, mean: 0, variance: 0 });
    expect(() => proportionStatistics(5, 4)).toThrow(RangeError);
  });

  it("refuses empty arms, negative variances and alpha outside (0, 1)", () => {
    const arm = { n: 10, mean: 1, variance: 1 };
    expect(() => alwaysValidDifference({ n: 0, mean: 0, variance: 0 }, arm)).toThrow(RangeError);
    expect(() => alwaysValidDifference(arm, { ...arm, variance: -1 })).toThrow(RangeError);
    expect(() => alwaysValidDifference(arm, arm, { alpha: 1, plannedSampleSize: 100 })).toThrow(RangeError);
  });
});
