import { describe, expect, it } from "vitest";
import { cosineSimilarity } from "./cosineSimilarity";

describe("cosineSimilarity", () => {
  it("is the cosine of the angle between two vectors, whatever their lengths", () => {
    // (1, 0) and (1, 1): cos 45 degrees = 1 / sqrt(2).
    expect(cosineSimilarity([1, 0], [3, 3])).toBeCloseTo(Math.SQRT1_2, 12);
    expect(cosineSimilarity(Float32Array.from([2, 0, 0]), Float32Array.from([-5, 0, 0]))).toBe(-1);
  });

  it("is 0 for a zero vector (an empty text) rather than NaN", () => {
    expect(cosineSimilarity([0, 0], [1, 2])).toBe(0);
  });

  it("refuses vectors of different dimensions (different embedders)", () => {
    expect(() => cosineSimilarity([1, 2, 3], [1, 2])).toThrow(RangeError);
  });
});
