import { evaluatorKinds, type BuiltinKind, type EvaluatorKind } from "@/contracts/evaluators";

/** The score names an evaluator gives: the built-ins' kinds (faithfulness gives two), a judge's own name. */
export function evaluatorScoreNames(kind: EvaluatorKind, name: string): string[] {
  if (kind === "llm_judge") return [name];
  if (kind === "faithfulness") return ["faithfulness", "hallucination"];
  return [kind];
}

const builtinKinds = evaluatorKinds.filter((kind): kind is BuiltinKind => kind !== "llm_judge");

/** The built-in evaluator whose scores carry that name, if any. */
export function builtinKindOfScore(name: string): BuiltinKind | undefined {
  return builtinKinds.find((kind) => evaluatorScoreNames(kind, kind).includes(name));
}

/**
 * The built-ins' score names a regression-run output can carry: a run output comes with its
 * question and expected answer but no retrieved passages, so faithfulness never applies.
 */
export const runOutputScoreNames: readonly string[] = builtinKinds
  .filter((kind) => kind !== "faithfulness")
  .flatMap((kind) => evaluatorScoreNames(kind, kind));
