import { describe, expect, it } from "vitest";
import chiSquare from "./chiSquareFixture.json";
import { chiSquareSurvival } from "./chiSquareSurvival";

describe("chi-square survival against scipy.stats.chi2.sf", () => {
  it.each(chiSquare.cases)("x=$x df=$df", ({ x, df, sf }) => {
    expect(Math.abs(chiSquareSurvival(x, df) - sf)).toBeLessThanOrEqual(1e-12 + 1e-9 * sf);
  });

  it("refuses zero degrees of freedom", () => {
    expect(() => chiSquareSurvival(1, 0)).toThrow(RangeError);
  });
});
