import { describe, expect, it } from "vitest";
import { trigramSimilarity, wordOverlapSimilarity } from "./similarity.ts";

// Values worked out by hand from the definitions in similarity.ts.
describe("message similarity", () => {
  it("Dice over trigrams: 'cat' vs 'Cart!' share 2 of 4 + 5 trigrams", () => {
    // "  cat " -> {"  c", " ca", "cat", "at "}; "  cart " -> {"  c", " ca", "car", "art", "rt "}
    expect(trigramSimilarity("cat", "Cart!")).toBeCloseTo(4 / 9, 12);
    expect(trigramSimilarity("Reset my password", "reset my password?")).toBe(1);
    expect(trigramSimilarity("", "")).toBe(0);
    expect(trigramSimilarity("abc", "xyz")).toBe(0);
  });

  it("Jaccard over words: 4 shared of 8 distinct words is 0.5", () => {
    expect(wordOverlapSimilarity("How do I reset my password", "how can I reset the password?")).toBe(0.5);
    expect(wordOverlapSimilarity("refund policy", "Refund, policy!")).toBe(1);
    expect(wordOverlapSimilarity("", "anything")).toBe(0);
  });
});
