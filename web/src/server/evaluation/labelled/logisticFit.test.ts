import { describe, expect, it } from "vitest";
import { fitLogistic, logistic } from "./logisticFit";

const points = (x: number, positives: number, negatives: number) => [
  ...Array.from({ length: positives }, () => ({ x, positive: true })),
  ...Array.from({ length: negatives }, () => ({ x, positive: false })),
];

describe("fitLogistic", () => {
  it("reproduces the observed odds at two score values (the saturated model)", () => {
    // At x = 0: 1 of 4 positive -> log-odds ln(1/3); at x = 1: 3 of 4 -> ln 3; slope = 2 ln 3.
    const curve = fitLogistic([...points(0, 1, 3), ...points(1, 3, 1)]);
    expect(curve.intercept).toBeCloseTo(Math.log(1 / 3), 9);
    expect(curve.slope).toBeCloseTo(2 * Math.log(3), 9);
    expect(logistic(curve, 0)).toBeCloseTo(0.25, 9);
    expect(logistic(curve, 1)).toBeCloseTo(0.75, 9);
  });
});
