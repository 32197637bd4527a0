import { describe, expect, it } from "vitest";
import { reasonTexts } from "@/components/review/reasonTexts";

describe("reasonTexts", () => {
  it("names each low score by its label with its value, beside the other reasons in their order", () => {
    expect(
      reasonTexts(
        ["thumbs_down", "low_score", "rephrase"],
        [
          { name: "relevance", value: 0.12 },
          { name: "pii_leak", value: true },
        ],
      ),
    ).toEqual(["Thumbs down", "Low score: Relevance 0.12", "Low score: PII leak (Yes)", "Rephrased"]);
  });

  it("shows numbers as the trace view does (two decimals) and turns a project's own score names into words", () => {
    expect(reasonTexts(["low_score"], [{ name: "hallucination", value: 0.666666 }])).toEqual(["Low score: Hallucination 0.67"]);
    expect(reasonTexts(["low_score"], [{ name: "answer_quality", value: 42 }])).toEqual(["Low score: Answer quality 42.00"]);
    expect(reasonTexts(["low_score"], [{ name: "format", value: false }])).toEqual(["Low score: Valid format (No)"]);
  });

  it("a low-score reason whose score is gone still reads as a low score", () => {
    expect(reasonTexts(["low_score"], [])).toEqual(["Low score"]);
  });
});
