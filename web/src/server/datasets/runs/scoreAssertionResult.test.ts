import { describe, expect, it } from "vitest";
import { datasetAssertionSchema, type DatasetAssertion } from "@/contracts/datasetAssertions";
import type { RunItemScore } from "@/contracts/datasetRuns";
import { scoreAssertionResult } from "@/server/datasets/runs/scoreAssertionResult";

const scoreAssertion = (raw: unknown) =>
  datasetAssertionSchema.parse({ type: "score", ...(raw as object) }) as Extract<DatasetAssertion, { type: "score" }>;
const score = (fields: Partial<RunItemScore> & Pick<RunItemScore, "name" | "evaluator" | "dataType" | "value">): RunItemScore => ({
  category: null,
  explanation: null,
  error: null,
  ...fields,
});
const relevance = (value: number) => score({ name: "relevance", evaluator: "relevance", dataType: "numeric", value });
const given = (...scores: RunItemScore[]) => ({ scores, scoreNames: new Set(["relevance", "pii_leak", "format"]) });

describe("scoreAssertionResult", () => {
  it("passes a score within its bounds, bounds included", () => {
    expect(scoreAssertionResult(scoreAssertion({ name: "relevance", min: 0.5, max: 0.9 }), given(relevance(0.5)))).toMatchObject({
      passed: true,
      value: 0.5,
      error: null,
    });
    expect(scoreAssertionResult(scoreAssertion({ name: "relevance", max: 0.9 }), given(relevance(0.9))).passed).toBe(true);
  });

  it("fails a score outside its bounds with a message naming the value and the bound crossed", () => {
    expect(scoreAssertionResult(scoreAssertion({ name: "relevance", min: 0.5, max: 0.9 }), given(relevance(0.3125)))).toEqual({
      type: "score",
      passed: false,
      value: 0.3125,
      threshold: 0.5,
      message: "relevance is 0.313, below the minimum 0.5",
      error: null,
    });
    expect(scoreAssertionResult(scoreAssertion({ name: "relevance", min: 0.5, max: 0.9 }), given(relevance(0.95)))).toMatchObject({
      threshold: 0.9,
      message: "relevance is 0.950, above the maximum 0.9",
    });
  });

  it("reads booleans as 0 and 1", () => {
    const leak = (value: boolean) => given(score({ name: "pii_leak", evaluator: "pii_leak", dataType: "boolean", value }));
    const noLeak = scoreAssertion({ name: "pii_leak", max: 0 });
    expect(scoreAssertionResult(noLeak, leak(false))).toMatchObject({ passed: true, value: 0 });
    expect(scoreAssertionResult(noLeak, leak(true))).toMatchObject({
      passed: false,
      value: 1,
      message: "pii_leak is 1 (true), above the maximum 0",
    });
  });

  it("is an error when the evaluator failed on the output or none enabled gives the score", () => {
    const failed = score({
      name: "relevance",
      evaluator: "relevance",
      dataType: "numeric",
      value: null,
      error: "relevance failed on this output: boom",
    });
    expect(scoreAssertionResult(scoreAssertion({ name: "relevance", min: 0.5 }), given(failed))).toMatchObject({
      passed: false,
      error: "relevance failed on this output: boom",
    });
    expect(scoreAssertionResult(scoreAssertion({ name: "toxicity", max: 0.5 }), given()).error).toBe(
      "no enabled evaluator gives toxicity: enable the toxicity built-in evaluator in the project",
    );
  });

  it("fails, without an error, when an enabled evaluator had nothing to score in the output", () => {
    expect(scoreAssertionResult(scoreAssertion({ name: "format", min: 1 }), given())).toMatchObject({
      passed: false,
      message: "format had nothing to score in this output",
      error: null,
    });
  });
});
