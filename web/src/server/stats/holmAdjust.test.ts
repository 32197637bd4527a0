import { describe, expect, it } from "vitest";
import fixture from "./holmAdjustFixture.json";
import { holmAdjust } from "./holmAdjust";

describe("Holm adjusted p-values", () => {
  it.each(fixture.cases)("against the smallest rejecting alpha of Holm's procedure, p=$p_values", ({ p_values, adjusted }) => {
    const result = holmAdjust(p_values);
    expect(result).toHaveLength(adjusted.length);
    result.forEach((value, i) => {
      expect(Math.abs(value - (adjusted[i] ?? NaN))).toBeLessThan(1e-12);
    });
  });

  it("keeps the input order, caps at 1 and never lets a larger p-value get a smaller adjusted one", () => {
    // Worked by hand: sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 is 0.02, 0.03, 0.06, 0.04 -> 0.06.
    expect(holmAdjust([0.01, 0.04, 0.03, 0.005]).map((p) => Number(p.toFixed(12)))).toEqual([0.03, 0.06, 0.06, 0.02]);
    expect(holmAdjust([0.6, 0.5])).toEqual([1, 1]);
  });

  it("returns nothing for no tests and refuses values outside [0, 1]", () => {
    expect(holmAdjust([])).toEqual([]);
    expect(() => holmAdjust([0.2, 1.5])).toThrow(RangeError);
    expect(() => holmAdjust([Number.NaN])).toThrow(RangeError);
  });
});
