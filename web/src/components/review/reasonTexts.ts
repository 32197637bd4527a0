import { reviewReasonLabel } from "@/components/ui/labels";
import { formatScoreValue, scoreLabel } from "@/components/scores/scoreLabels";
import type { LowScore, reviewReasons } from "@/contracts/review";

/**
 * A score as the queue names it, in the words and number format of the trace view:
 * "Relevance 0.12", "PII leak (Yes)" (a bare Yes/No after a name would read as part of it).
 */
export function lowScoreText(score: LowScore): string {
  const label = scoreLabel(score.name);
  if (typeof score.value === "boolean") return `${label} (${formatScoreValue({ value: score.value, category: null })})`;
  return `${label} ${formatScoreValue({ value: score.value, category: null })}`;
}

/**
 * Why an item is in the queue, as a person reads it, worst first: each reason's label, and
 * for low scores which score and how low ("Low score: Relevance 0.12"), one per score.
 */
export function reasonTexts(reasons: readonly (typeof reviewReasons)[number][], lowScores: readonly LowScore[]): string[] {
  return reasons.flatMap((reason) =>
    reason === "low_score" && lowScores.length > 0
      ? lowScores.map((score) => `${reviewReasonLabel.low_score}: ${lowScoreText(score)}`)
      : [reviewReasonLabel[reason]],
  );
}
