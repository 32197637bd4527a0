import type { DatasetAssertion } from "@/contracts/datasetAssertions";
import type { AssertionResult, RunItemScore } from "@/contracts/datasetRuns";
import { builtinKindOfScore } from "@/server/evaluation/evaluatorScoreNames";

/** An output's built-in scores, and every name the project's enabled built-ins give (applied to this output or not). */
export interface BuiltinScoresOfItem {
  scores: readonly RunItemScore[];
  scoreNames: ReadonlySet<string>;
}

export const noBuiltinScores: BuiltinScoresOfItem = { scores: [], scoreNames: new Set() };

const formatNumber = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(3));

/**
 * A score assertion against the output's built-in score of that name. A score nobody could
 * give (its evaluator disabled, or failed on this output) makes the item an error, so a run
 * whose evaluators are broken never passes; an evaluator that had nothing to score in this
 * output (format on plain text, anything on an empty output) fails it, as the output is what
 * lacks what the assertion asks for.
 */
export function scoreAssertionResult(
  assertion: Extract<DatasetAssertion, { type: "score" }>,
  { scores, scoreNames }: BuiltinScoresOfItem,
): AssertionResult {
  const { name, min, max } = assertion;
  const kind = builtinKindOfScore(name) ?? name;
  const outcome = (passed: boolean, fields: Pick<AssertionResult, "value" | "threshold" | "message" | "error">): AssertionResult => ({
    type: "score",
    passed,
    ...fields,
  });
  const bound = min ?? max ?? null;
  if (!scoreNames.has(name)) {
    return outcome(false, {
      value: null,
      threshold: bound,
      message: null,
      error: `no enabled evaluator gives ${name}: enable the ${kind} built-in evaluator in the project`,
    });
  }
  const score = scores.find((item) => item.name === name);
  if (score?.error) return outcome(false, { value: null, threshold: bound, message: null, error: score.error });
  if (score === undefined || score.value === null) {
    return outcome(false, { value: null, threshold: bound, message: `${kind} had nothing to score in this output`, error: null });
  }
  const value = typeof score.value === "boolean" ? Number(score.value) : score.value;
  const shown = typeof score.value === "boolean" ? `${value} (${String(score.value)})` : formatNumber(value);
  if (min !== undefined && value < min) {
    return outcome(false, { value, threshold: min, message: `${name} is ${shown}, below the minimum ${min}`, error: null });
  }
  if (max !== undefined && value > max) {
    return outcome(false, { value, threshold: max, message: `${name} is ${shown}, above the maximum ${max}`, error: null });
  }
  return outcome(true, { value, threshold: bound, message: null, error: null });
}
