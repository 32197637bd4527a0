import type { Score } from "@/contracts/scores";
import { labelFromKey } from "@/components/ui/labels";

// Written labels for the built-in evaluators' names; any other name is turned into words.
const builtinLabels: Readonly<Record<string, string>> = {
  pii_leak: "PII leak",
  toxicity: "Toxicity",
  hallucination: "Hallucination",
  faithfulness: "Faithfulness",
  relevance: "Relevance",
  refusal: "Refusal",
  format: "Valid format",
};

/** What a person reads for a score name: "pii_leak" reads "PII leak", "answer_quality" "Answer quality". */
export function scoreLabel(name: string): string {
  return Object.hasOwn(builtinLabels, name) ? (builtinLabels[name] ?? name) : labelFromKey(name);
}

export function directionText(higherIsBetter: boolean): string {
  return higherIsBetter ? "higher is better" : "lower is better";
}

/** A threshold as the chart's title says it: booleans name the bad value, numbers the side. */
export function atOrWorseText(dataType: string, higherIsBetter: boolean, threshold: number): string {
  if (dataType === "boolean") {
    const config = { higherIsBetter, reviewThreshold: threshold };
    const [noIsBad, yesIsBad] = [isBadScore(false, config), isBadScore(true, config)];
    return noIsBad && yesIsBad ? "Share of all" : yesIsBad ? "Share Yes" : noIsBad ? "Share No" : "Share of none";
  }
  return `Share ${higherIsBetter ? "≤" : "≥"} ${formatScoreNumber(threshold)}`;
}

export function formatScoreNumber(value: number): string {
  return value.toFixed(2);
}

/** A score's value as the console shows it: Yes/No, a number with 2 decimals, or the category. */
export function formatScoreValue(score: { value: number | boolean | null; category: string | null }): string {
  if (typeof score.value === "boolean") return score.value ? "Yes" : "No";
  if (typeof score.value === "number") return formatScoreNumber(score.value);
  return score.category ?? "—";
}

/**
 * Whether a score is as bad as its config's threshold or worse, in the config's direction
 * (the rule that routes traces to review); null when it cannot be said (no threshold, a category).
 */
export function isBadScore(
  value: number | boolean | null,
  config: { higherIsBetter: boolean; reviewThreshold: number | null },
): boolean | null {
  if (value === null || config.reviewThreshold === null) return null;
  const number = typeof value === "boolean" ? (value ? 1 : 0) : value;
  return config.higherIsBetter ? number <= config.reviewThreshold : number >= config.reviewThreshold;
}

const sourceLabel = { api: "API", annotation: "Annotation" } as const;

/** Who gave the score: the API, an annotator, or an evaluator by name and version. */
export function scoreSource(score: Pick<Score, "source" | "evaluator" | "evaluatorVersion">): string {
  if (score.source !== "evaluator") return sourceLabel[score.source];
  const name = score.evaluator ?? "Evaluator";
  return score.evaluatorVersion === null ? name : `${name} v${score.evaluatorVersion}`;
}
