import { describe, expect, it } from "vitest";
import fixture from "./sampleRatioMismatchFixture.json";
import { sampleRatioMismatch } from "./sampleRatioMismatch";

describe("sample-ratio mismatch against scipy.stats.chisquare", () => {
  it.each(fixture.cases)("observed=$observed shares=$shares", ({ observed, shares, chi_square, df, p_value }) => {
    const check = sampleRatioMismatch(observed, shares);
    expect(check.chiSquare).toBeCloseTo(chi_square, 9);
    expect(check.degreesOfFreedom).toBe(df);
    expect(Math.abs(check.pValue - p_value)).toBeLessThanOrEqual(1e-12 + 1e-9 * p_value);
    expect(check.mismatch).toBe(p_value < 0.001);
  });

  it("flags a 1 % canary that got 1.2 % of users, and passes one that got 1.0 %", () => {
    expect(sampleRatioMismatch([98_800, 1_200], [0.99, 0.01]).mismatch).toBe(true);
    expect(sampleRatioMismatch([99_000, 1_000], [0.99, 0.01]).mismatch).toBe(false);
  });

  it("treats no units yet as no evidence", () => {
    expect(sampleRatioMismatch([0, 0], [0.95, 0.05])).toEqual({ chiSquare: 0, degreesOfFreedom: 1, pValue: 1, mismatch: false });
  });

  it("flags units in an arm configured to get none, and ignores an empty arm with share 0", () => {
    expect(sampleRatioMismatch([100, 3], [1, 0])).toMatchObject({ chiSquare: Infinity, pValue: 0, mismatch: true });
    expect(sampleRatioMismatch([100, 0], [1, 0])).toEqual({ chiSquare: 0, degreesOfFreedom: 0, pValue: 1, mismatch: false });
  });

  it("refuses shares that do not sum to 1, negative counts and mismatched lengths", () => {
    expect(() => sampleRatioMismatch([10, 10], [0.5, 0.6])).toThrow(RangeError);
    expect(() => sampleRatioMismatch([10, -1], [0.5, 0.5])).toThrow(RangeError);
    expect(() => sampleRatioMismatch([10, 10, 10], [0.5, 0.5])).toThrow(RangeError);
  });
});
