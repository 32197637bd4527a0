// Verdicts of the drift detector: one window, and the scheduled status over the latest ones.
import { driftThresholdsSchema, type DriftThresholds, type DriftVerdict } from "@/contracts/drift";
import type { DriftWindowScore } from "./scoreDriftWindow";

export type { DriftThresholds, DriftVerdict };

// The thresholds' one definition is the API contract (a baseline stores them); the defaults are the study's.
export const DEFAULT_DRIFT_THRESHOLDS: DriftThresholds = driftThresholdsSchema.parse({});

type VerdictInputs = Pick<DriftWindowScore, "liveCount" | "pValue" | "jsDistanceCorrected" | "centroidPValue">;

/** The verdict on one window. */
export function windowVerdict(score: VerdictInputs, thresholds: DriftThresholds = DEFAULT_DRIFT_THRESHOLDS): DriftVerdict {
  if (score.liveCount < thresholds.minLiveCount) return "not_enough_data";
  if (score.pValue < thresholds.pValue && score.jsDistanceCorrected >= thresholds.minCorrectedJsDistance) return "drift";
  if (score.centroidPValue < thresholds.centroidPValue) return "warning";
  return "no_drift";
}

/** True when the window has a verdict but few enough points that the page should say it is a weak one. */
export function isLowConfidence(
  score: Pick<DriftWindowScore, "liveCount">,
  thresholds: DriftThresholds = DEFAULT_DRIFT_THRESHOLDS,
): boolean {
  return score.liveCount >= thresholds.minLiveCount && score.liveCount < thresholds.lowConfidenceBelow;
}

/**
 * The scheduled status from window verdicts, oldest first. Repeated hourly tests raise false
 * alarms even when each is calibrated, so drift (or a warning) needs the latest
 * `consecutive` windows to agree; a drift window counts towards a warning. When the latest
 * window has too little data the status says so rather than repeating an old answer.
 */
export function driftStatus(
  verdictsOldestFirst: readonly DriftVerdict[],
  thresholds: DriftThresholds = DEFAULT_DRIFT_THRESHOLDS,
): DriftVerdict {
  const latest = verdictsOldestFirst.at(-1);
  if (latest === undefined || latest === "not_enough_data") return "not_enough_data";
  const recent = verdictsOldestFirst.slice(-thresholds.consecutive);
  if (recent.length < thresholds.consecutive) return "no_drift";
  if (recent.every((verdict) => verdict === "drift")) return "drift";
  if (recent.every((verdict) => verdict === "drift" || verdict === "warning")) return "warning";
  return "no_drift";
}
