import { describe, expect, it } from "vitest";
import { accuracyAt, rocAuc } from "./rocAuc";

const label = (score: number, positive: boolean) => ({ score, positive });

describe("rocAuc", () => {
  it("is 1 when every positive outscores every negative and 0 when reversed", () => {
    expect(rocAuc([label(0.9, true), label(0.8, true), label(0.1, false)])).toBe(1);
    expect(rocAuc([label(0.1, true), label(0.8, false), label(0.9, false)])).toBe(0);
  });

  it("counts the pairs by hand: positives 0.8, 0.4; negatives 0.6, 0.2, 0.1 -> 5 of 6 pairs", () => {
    // Pairs (pos, neg): (0.8 > 0.6), (0.8 > 0.2), (0.8 > 0.1), (0.4 < 0.6), (0.4 > 0.2), (0.4 > 0.1) = 5/6.
    const examples = [label(0.8, true), label(0.4, true), label(0.6, false), label(0.2, false), label(0.1, false)];
    expect(rocAuc(examples)).toBeCloseTo(5 / 6, 12);
  });

  it("counts a tie between a positive and a negative as half a pair", () => {
    // Pairs: (0.5 vs 0.5) tie = 0.5, (0.5 > 0.3) = 1, (0.9 > 0.5) = 1, (0.9 > 0.3) = 1 -> 3.5 / 4.
    const examples = [label(0.5, true), label(0.9, true), label(0.5, false), label(0.3, false)];
    expect(rocAuc(examples)).toBeCloseTo(3.5 / 4, 12);
  });

  it("is undefined (NaN) without both classes", () => {
    expect(rocAuc([label(0.3, true)])).toBeNaN();
  });
});

describe("accuracyAt", () => {
  it("counts scores at or above the threshold as positive", () => {
    const examples = [label(0.8, true), label(0.5, true), label(0.5, false), label(0.2, false)];
    expect(accuracyAt(examples, 0.5)).toBe(3 / 4);
    expect(accuracyAt(examples, 0.6)).toBe(3 / 4);
    expect(accuracyAt(examples, 0.1)).toBe(2 / 4);
  });
});
