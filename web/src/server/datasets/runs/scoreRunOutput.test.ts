import { describe, expect, it } from "vitest";
import type { BuiltinEvaluator } from "@/server/evaluation/evaluatorTypes";
import { piiLeakEvaluator } from "@/server/evaluation/builtin/piiLeakEvaluator";
import { faithfulnessEvaluator } from "@/server/evaluation/builtin/faithfulness";
import { defaultSemanticEmbedder } from "@/server/embeddings/defaultSemanticEmbedder";
import { scoreRunOutput, type RunScorer } from "@/server/datasets/runs/scoreRunOutput";

const brokenToxicity: BuiltinEvaluator = {
  kind: "toxicity",
  version: 1,
  applies: () => true,
  evaluate: () => Promise.reject(new Error("lexicon missing")),
};
const scorer = (...evaluators: BuiltinEvaluator[]): RunScorer => ({
  evaluators,
  context: { embedder: defaultSemanticEmbedder() },
  scoreNames: new Set(evaluators.map((evaluator) => evaluator.kind)),
});
const subject = (output: string) => ({ input: "How do I reach support?", output, contexts: [], expected: "Use the help page." });

describe("scoreRunOutput", () => {
  it("records an evaluator that throws as an error on its score, and the others still score", async () => {
    expect(await scoreRunOutput(scorer(brokenToxicity, piiLeakEvaluator), subject("Mail ops@example.com."))).toEqual([
      {
        name: "toxicity",
        evaluator: "toxicity",
        dataType: "numeric",
        value: null,
        category: null,
        explanation: null,
        error: "toxicity failed on this output: lexicon missing",
      },
      {
        name: "pii_leak",
        evaluator: "pii_leak",
        dataType: "boolean",
        value: true,
        category: null,
        explanation: "The answer contains 1 email address.",
        error: null,
      },
    ]);
  });

  it("gives no score from an evaluator that does not apply (faithfulness without passages, anything on an empty output)", async () => {
    expect(await scoreRunOutput(scorer(faithfulnessEvaluator), subject("Use the help page."))).toEqual([]);
    expect(await scoreRunOutput(scorer(piiLeakEvaluator), subject("  "))).toEqual([]);
  });
});
