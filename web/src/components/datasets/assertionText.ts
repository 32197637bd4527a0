import type { DatasetAssertion, DatasetAssertionType } from "@/contracts/datasetAssertions";
import { defaultSimilarityThreshold } from "@/contracts/datasetAssertions";
import { scoreLabel } from "@/components/scores/scoreLabels";

/** "PII leak at most 0", "Relevance between 0.5 and 1": booleans read as 0 (no) and 1 (yes). */
function describeScoreBounds({ name, min, max }: Extract<DatasetAssertion, { type: "score" }>): string {
  const label = `${scoreLabel(name)} (built-in evaluator)`;
  if (min !== undefined && max !== undefined) return `${label} between ${min} and ${max}`;
  return min !== undefined ? `${label} at least ${min}` : `${label} at most ${String(max)}`;
}

/** Each assertion type's name in the console. */
export const assertionLabels: Record<DatasetAssertionType, string> = {
  exact: "Exact match",
  contains: "Contains",
  regex: "Pattern",
  json_schema: "JSON schema",
  similarity: "Similarity",
  judge: "LLM judge",
  pairwise: "Preferred over expected",
  score: "Built-in score",
  default: "Exact or similar",
};

/** One declared assertion as a sentence an engineer reads to know what "passed" means. */
export function describeAssertion(assertion: DatasetAssertion): string {
  switch (assertion.type) {
    case "exact":
      return assertion.normalise ? "Equals the expected output (ignoring case and whitespace)" : "Equals the expected output exactly";
    case "contains":
      return `Contains ${JSON.stringify(assertion.text)}${assertion.caseSensitive ? " (case-sensitive)" : ""}`;
    case "regex":
      return `Matches /${assertion.pattern}/${assertion.flags}`;
    case "json_schema":
      return "Is JSON valid against the declared schema";
    case "similarity":
      return `Similarity to the expected output at least ${assertion.threshold}`;
    case "judge":
      return `${assertion.evaluator} scores it at least ${assertion.minScore} (0 to 1)`;
    case "pairwise":
      return `${assertion.evaluator} does not prefer the expected output${assertion.allowTie ? "" : " (the output must win; a tie fails)"}, ${
        assertion.bothOrders ? "asked in both orders" : "shown in random order"
      }`;
    case "score":
      return describeScoreBounds(assertion);
  }
}

/** What runs of a dataset with no declared assertions are checked against. */
export const defaultAssertionText = `Default: equals the expected output (ignoring case and whitespace), otherwise similarity at least ${defaultSimilarityThreshold}`;
