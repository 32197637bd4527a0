import { describe, expect, it } from "vitest";
import { alwaysValidDifference, proportionStatistics } from "./alwaysValidInference";
import { quantileReleaseVerdict, releaseVerdict } from "./releaseVerdict";
import { sortedAscending } from "./quantileInference";
import { seededRandom } from "./seededRandom";

const thumbsDown = (baseline: [number, number], candidate: [number, number], minimumSamples = 200) =>
  releaseVerdict({
    baseline: proportionStatistics(...baseline),
    candidate: proportionStatistics(...candidate),
    direction: "lower_is_better",
    minimumSamples,
  });

/** Latency-like values: log-normal around exp(6.5) ~ 665 ms, `slower` times as slow. */
const latencies = (count: number, seed: number, slower = 1): number[] => {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return slower * Math.exp(6.5 + 0.6 * normal);
  });
};

describe("release verdict on one metric", () => {
  it("calls a tripled thumbs-down rate worse and shows both arms with their intervals", () => {
    const result = thumbsDown([480, 4_800], [90, 300]);
    expect(result.verdict).toBe("worse");
    expect(result.baseline).toMatchObject({ n: 4_800, value: 0.1 });
    expect(result.candidate).toMatchObject({ n: 300, value: 0.3 });
    expect(result.candidate.ci?.lower).toBeLessThan(0.3);
    expect(result.candidate.ci?.upper).toBeGreaterThan(0.3);
    expect(result.difference?.interval.lower).toBeGreaterThan(0);
    expect(result.difference?.relative?.estimate).toBeCloseTo(2, 12);
    expect(result.pValue).toBeLessThan(0.05);
  });

  it("calls a halved thumbs-down rate better, and a higher rating better", () => {
    expect(thumbsDown([600, 6_000], [25, 500]).verdict).toBe("better");
    const rating = releaseVerdict({
      baseline: { n: 2_000, mean: 3.9, variance: 1.1 },
      candidate: { n: 2_000, mean: 4.2, variance: 1.0 },
      direction: "higher_is_better",
      minimumSamples: 100,
    });
    expect(rating.verdict).toBe("better");
  });

  it("says not enough data below the minimum sample, never better, however large the difference", () => {
    const result = thumbsDown([600, 6_000], [0, 150]);
    expect(alwaysValidDifference(proportionStatistics(600, 6_000), proportionStatistics(0, 150)).pValue).toBeLessThan(0.05);
    expect(result.verdict).toBe("not_enough_data");
    expect(result.candidate).toMatchObject({ n: 150, value: 0 });
  });

  it("says no difference when the rates are close", () => {
    expect(thumbsDown([500, 5_000], [52, 500]).verdict).toBe("no_difference");
  });

  it("shows an empty arm as having no value, interval or difference", () => {
    const result = releaseVerdict({
      baseline: { n: 800, mean: 640, variance: 90_000 },
      candidate: { n: 0, mean: 0, variance: 0 },
      direction: "lower_is_better",
      minimumSamples: 0,
    });
    expect(result).toMatchObject({ candidate: { n: 0, value: null, ci: null }, difference: null, pValue: 1, verdict: "not_enough_data" });
  });
});

describe("release verdict on a percentile", () => {
  it("calls a candidate 30 % slower worse on p95, showing the p95 of each arm", () => {
    const result = quantileReleaseVerdict({
      baseline: sortedAscending(latencies(5_000, 1)),
      candidate: sortedAscending(latencies(600, 2, 1.3)),
      quantile: 0.95,
      direction: "lower_is_better",
      minimumSamples: 200,
    });
    expect(result.verdict).toBe("worse");
    expect(result.differenceOf).toBe("share_above_baseline_quantile");
    expect(result.baseline.value).toBeGreaterThan(1_500);
    expect(result.candidate.value).toBeGreaterThan(result.baseline.value ?? Infinity);
    expect(result.baseline.ci?.lower).toBeLessThanOrEqual(result.baseline.value ?? NaN);
    expect(result.baseline.ci?.upper).toBeGreaterThanOrEqual(result.baseline.value ?? NaN);
    expect(result.difference?.estimate).toBeGreaterThan(0.05);
  });

  it("says no difference on p50 for the same latency distribution, and not enough data for an empty candidate", () => {
    const same = quantileReleaseVerdict({
      baseline: sortedAscending(latencies(3_000, 3)),
      candidate: sortedAscending(latencies(3_000, 4)),
      quantile: 0.5,
      direction: "lower_is_better",
      minimumSamples: 200,
    });
    expect(same.verdict).toBe("no_difference");
    const empty = quantileReleaseVerdict({
      baseline: sortedAscending(latencies(300, 5)),
      candidate: sortedAscending([]),
      quantile: 0.95,
      direction: "lower_is_better",
      minimumSamples: 1,
    });
    expect(empty).toMatchObject({ verdict: "not_enough_data", difference: null, candidate: { n: 0, value: null } });
  });
});
