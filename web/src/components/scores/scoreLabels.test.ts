import { describe, expect, it } from "vitest";
import { atOrWorseText, formatScoreValue, isBadScore, scoreLabel } from "@/components/scores/scoreLabels";

describe("score labels", () => {
  it("reads built-in names from a written label and other names as words", () => {
    expect(scoreLabel("pii_leak")).toBe("PII leak");
    expect(scoreLabel("answer_quality")).toBe("Answer quality");
  });

  it("formats booleans as Yes/No, numbers with 2 decimals and categories as they are", () => {
    expect(formatScoreValue({ value: true, category: null })).toBe("Yes");
    expect(formatScoreValue({ value: false, category: null })).toBe("No");
    expect(formatScoreValue({ value: 0.125, category: null })).toBe("0.13");
    expect(formatScoreValue({ value: null, category: "billing" })).toBe("billing");
  });

  it("calls a score bad at or past the threshold in the config's direction", () => {
    const piiLeak = { higherIsBetter: false, reviewThreshold: 1 };
    expect(isBadScore(true, piiLeak)).toBe(true);
    expect(isBadScore(false, piiLeak)).toBe(false);
    const relevance = { higherIsBetter: true, reviewThreshold: 0.2 };
    expect(isBadScore(0.2, relevance)).toBe(true);
    expect(isBadScore(0.21, relevance)).toBe(false);
    expect(isBadScore(0.1, { higherIsBetter: true, reviewThreshold: null })).toBeNull();
  });

  it("names the bad side of a threshold", () => {
    expect(atOrWorseText("boolean", false, 1)).toBe("Share Yes");
    expect(atOrWorseText("boolean", true, 0)).toBe("Share No");
    expect(atOrWorseText("numeric", true, 0.2)).toBe("Share ≤ 0.20");
    expect(atOrWorseText("numeric", false, 0.7)).toBe("Share ≥ 0.70");
  });
});
