import { describe, expect, it } from "vitest";
import { binaryMetrics, rocAuc } from "@/server/evaluation/labelled/safety/classificationMetrics";

describe("binaryMetrics", () => {
  it("counts a hand-worked confusion matrix", () => {
    // 3 TP, 1 FP, 4 TN, 2 FN: accuracy 7/10, precision 3/4, recall 3/5.
    const items = [
      ...Array.from({ length: 3 }, () => ({ predicted: true, actual: true })),
      { predicted: true, actual: false },
      ...Array.from({ length: 4 }, () => ({ predicted: false, actual: false })),
      ...Array.from({ length: 2 }, () => ({ predicted: false, actual: true })),
    ];
    expect(binaryMetrics(items)).toEqual({
      n: 10,
      truePositives: 3,
      falsePositives: 1,
      trueNegatives: 4,
      falseNegatives: 2,
      accuracy: 0.7,
      precision: 0.75,
      recall: 0.6,
    });
  });
});

describe("rocAuc", () => {
  it("matches a hand count of ordered pairs, ties counting one half", () => {
    // Positives 0.9, 0.5; negatives 0.5, 0.1. Pairs: (0.9>0.5)=1, (0.9>0.1)=1, (0.5=0.5)=0.5, (0.5>0.1)=1 -> 3.5/4.
    const items = [
      { score: 0.9, actual: true },
      { score: 0.5, actual: true },
      { score: 0.5, actual: false },
      { score: 0.1, actual: false },
    ];
    expect(rocAuc(items)).toBe(0.875);
  });

  it("is 1 for a perfect ranking and 0 for a reversed one", () => {
    expect(
      rocAuc([
        { score: 1, actual: true },
        { score: 0, actual: false },
      ]),
    ).toBe(1);
    expect(
      rocAuc([
        { score: 0, actual: true },
        { score: 1, actual: false },
      ]),
    ).toBe(0);
  });
});
