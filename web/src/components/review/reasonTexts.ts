import { reviewReasonLabel } from "@/components/ui/labels";
import type { LowScore, reviewReasons } from "@/contracts/review";

/** A score as the queue names it: "relevance 0.12", "pii_leak true" (three significant digits are enough to judge). */
export function lowScoreText(score: LowScore): string {
  const value = typeof score.value === "boolean" ? String(score.value) : String(Number(score.value.toPrecision(3)));
  return `${score.name} ${value}`;
}

/**
 * Why an item is in the queue, as a person reads it, worst first: each reason's label, and
 * for low scores which score and how low ("Low score: relevance 0.12"), one per score.
 */
export function reasonTexts(reasons: readonly (typeof reviewReasons)[number][], lowScores: readonly LowScore[]): string[] {
  return reasons.flatMap((reason) =>
    reason === "low_score" && lowScores.length > 0
      ? lowScores.map((score) => `${reviewReasonLabel.low_score}: ${lowScoreText(score)}`)
      : [reviewReasonLabel[reason]],
  );
}
