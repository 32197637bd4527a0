import type { EvaluatorKind } from "@/contracts/evaluators";

/** The score names an evaluator gives: the built-ins' kinds (faithfulness gives two), a judge's own name. */
export function evaluatorScoreNames(kind: EvaluatorKind, name: string): string[] {
  if (kind === "llm_judge") return [name];
  if (kind === "faithfulness") return ["faithfulness", "hallucination"];
  return [kind];
}
