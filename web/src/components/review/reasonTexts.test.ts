import { describe, expect, it } from "vitest";
import { reasonTexts } from "@/components/review/reasonTexts";

describe("reasonTexts", () => {
  it("names each low score with its value, beside the other reasons in their order", () => {
    expect(
      reasonTexts(
        ["thumbs_down", "low_score", "rephrase"],
        [
          { name: "relevance", value: 0.12 },
          { name: "pii_leak", value: true },
        ],
      ),
    ).toEqual(["Thumbs down", "Low score: relevance 0.12", "Low score: pii_leak true", "Rephrased"]);
  });

  it("keeps three significant digits, so a long fraction stays readable", () => {
    expect(reasonTexts(["low_score"], [{ name: "hallucination", value: 0.666666 }])).toEqual(["Low score: hallucination 0.667"]);
    expect(reasonTexts(["low_score"], [{ name: "quality", value: 42 }])).toEqual(["Low score: quality 42"]);
  });

  it("a low-score reason whose score is gone still reads as a low score", () => {
    expect(reasonTexts(["low_score"], [])).toEqual(["Low score"]);
  });
});
