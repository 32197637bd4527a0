import { describe, expect, it } from "vitest";
import { builtinKindOfScore, runOutputScoreNames } from "@/server/evaluation/evaluatorScoreNames";

describe("built-in score names", () => {
  it("finds the built-in that gives a score name, faithfulness for hallucination, none for a judge's name", () => {
    expect(builtinKindOfScore("pii_leak")).toBe("pii_leak");
    expect(builtinKindOfScore("hallucination")).toBe("faithfulness");
    expect(builtinKindOfScore("answer_quality")).toBeUndefined();
  });

  it("lists what a run output can be scored with: everything but faithfulness, which needs retrieved passages", () => {
    expect(runOutputScoreNames).toEqual(["pii_leak", "toxicity", "relevance", "refusal", "format"]);
  });
});
