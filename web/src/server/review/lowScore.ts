import type { ScoreConfig } from "@/contracts/scores";

/**
 * Whether a score is bad enough to send its trace to review: at or past its config's
 * review threshold in the config's direction. Higher is better: at or below the
 * threshold; lower is better: at or above it. Booleans (stored as 0 or 1) name the bad
 * value itself: threshold 1 means true is bad (pii_leak), 0 means false is bad (format).
 * Categorical scores and configs without a threshold never are.
 */
export function isLowScore(value: number, config: Pick<ScoreConfig, "dataType" | "higherIsBetter" | "reviewThreshold">): boolean {
  const threshold = config.reviewThreshold;
  if (threshold === null || config.dataType === "categorical") return false;
  if (config.dataType === "boolean") return value === threshold;
  return config.higherIsBetter ? value <= threshold : value >= threshold;
}
