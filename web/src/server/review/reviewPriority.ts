import type { ReviewReason } from "@/generated/prisma/enums";

/**
 * How bad each reason is: a report outranks a thumbs-down, and so on down to sampled
 * positives. A low score ranks with a low rating: both are a rating under the line, one
 * from an evaluator rather than a person, so both sit below a person's explicit complaint
 * (evaluators misjudge more often than a user who says no) and above implicit signals.
 * Sharing a weight also keeps the priorities already stored valid (severity x 1000).
 */
export const reasonWeight: Record<ReviewReason, number> = {
  report: 5,
  thumbs_down: 4,
  low_rating: 3,
  low_score: 3,
  rephrase: 2,
  // Sent by a person from a drift run: unlike the golden set, not a complaint.
  drift: 2,
  sampled_positive: 1,
};

/**
 * Fingerprints at most this many bits apart are near-duplicate prompts. Chat prompts are
 * short, so one changed word moves several trigrams: paraphrases measured 8-14 bits
 * apart, unrelated questions 24-33 (random pairs average 32).
 */
export const nearDuplicateBits = 12;

/**
 * An item's place in the queue: the severity of its worst reason first, then the size of
 * its cluster of similar negatively rated prompts (more complaints about the same thing
 * rank higher; capped so severity always dominates).
 */
export function reviewPriority(reasons: ReviewReason[], clusterSize: number): number {
  const worst = Math.max(0, ...reasons.map((reason) => reasonWeight[reason]));
  return worst * 1000 + Math.min(999, Math.max(1, clusterSize));
}

export type PriorityLevel = "high" | "medium" | "low";

/**
 * A priority as a person reads it: the level of the worst reason (reports and thumbs-down
 * high, low ratings and low scores medium, rephrases and samples low) and how many similar complaints
 * share it, undoing `reviewPriority`'s encoding.
 */
export function readPriority(priority: number): { level: PriorityLevel; similar: number } {
  const worst = Math.floor(priority / 1000);
  const level = worst >= reasonWeight.thumbs_down ? "high" : worst >= reasonWeight.low_rating ? "medium" : "low";
  return { level, similar: Math.max(1, priority % 1000) };
}
