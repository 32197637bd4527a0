import { describe, expect, it } from "vitest";
import { seededRandom } from "../../stats/seededRandom";
import fixture from "./permutationFixture.json";
import { histogramPermutationTest, meanDistancePermutationTest } from "./permutationTests";

// Monte Carlo against the exact permutation distributions enumerated in permutationFixture.py:
// with 20 000 permutations the estimates sit within a few standard errors of the exact values.
const PERMUTATIONS = 20_000;
const pValueTolerance = (p: number): number => 4 * Math.sqrt((p * Math.max(0, 1 - p)) / PERMUTATIONS) + 2 / PERMUTATIONS;

describe("histogram permutation test", () => {
  it.each(fixture.histograms)("reference $reference, live $live", (row) => {
    const result = histogramPermutationTest(row.reference, row.live, PERMUTATIONS, seededRandom(4));
    expect(result.observed).toBeCloseTo(row.observed_jsd_bits, 12);
    expect(Math.abs(result.pValue - row.exact_p)).toBeLessThan(pValueTolerance(row.exact_p));
    expect(Math.abs(result.permutedMean - row.exact_mean_jsd_bits)).toBeLessThan(0.004);
  });

  it("draws the same permutations from the same seed", () => {
    const run = () => histogramPermutationTest([30, 20, 10], [10, 20, 30], 500, seededRandom(9));
    expect(run()).toEqual(run());
  });

  it("never reports p = 0: identical-looking extremes count the observed split itself", () => {
    const result = histogramPermutationTest([100, 0], [0, 100], 1000, seededRandom(1));
    expect(result.pValue).toBeCloseTo(1 / 1001, 12);
  });
});

describe("mean-vector permutation test", () => {
  it.each(fixture.mean_distances.map((row, i) => ({ ...row, i })))("case $i", (row) => {
    const dimensions = row.rows[0]?.length ?? 0;
    const pooled = { data: Float32Array.from(row.rows.flat()), rows: row.rows.length, dimensions };
    const result = meanDistancePermutationTest(pooled, row.reference_rows, PERMUTATIONS, seededRandom(6));
    expect(result.observed).toBeCloseTo(row.observed_distance, 6);
    expect(Math.abs(result.pValue - row.exact_p)).toBeLessThan(pValueTolerance(row.exact_p));
    expect(Math.abs(result.permutedMean - row.exact_mean_distance)).toBeLessThan(0.01);
  });
});
