import { describe, expect, it } from "vitest";
import { isLowScore } from "@/server/review/lowScore";

const numeric = (higherIsBetter: boolean, reviewThreshold: number | null) =>
  ({ dataType: "numeric", higherIsBetter, reviewThreshold }) as const;
const boolean = (reviewThreshold: number | null) => ({ dataType: "boolean", higherIsBetter: true, reviewThreshold }) as const;

describe("isLowScore", () => {
  it("higher is better: at or below the threshold is low", () => {
    // relevance, threshold 0.2
    expect(isLowScore(0.12, numeric(true, 0.2))).toBe(true);
    expect(isLowScore(0.2, numeric(true, 0.2))).toBe(true);
    expect(isLowScore(0.21, numeric(true, 0.2))).toBe(false);
  });

  it("lower is better: at or above the threshold is low", () => {
    // toxicity, threshold 0.7
    expect(isLowScore(0.93, numeric(false, 0.7))).toBe(true);
    expect(isLowScore(0.7, numeric(false, 0.7))).toBe(true);
    expect(isLowScore(0.69, numeric(false, 0.7))).toBe(false);
  });

  it("booleans: the threshold names the bad value", () => {
    // pii_leak: true (1) is bad; format: false (0) is bad
    expect(isLowScore(1, boolean(1))).toBe(true);
    expect(isLowScore(0, boolean(1))).toBe(false);
    expect(isLowScore(0, boolean(0))).toBe(true);
    expect(isLowScore(1, boolean(0))).toBe(false);
  });

  it("no threshold, or a categorical score, is never low", () => {
    expect(isLowScore(0, numeric(true, null))).toBe(false);
    expect(isLowScore(1, boolean(null))).toBe(false);
    expect(isLowScore(0, { dataType: "categorical", higherIsBetter: true, reviewThreshold: 0 })).toBe(false);
  });
});
