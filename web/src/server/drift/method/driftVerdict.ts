// Verdicts of the drift detector: one window, and the scheduled status over the latest ones.
import { z } from "zod";
import type { DriftWindowScore } from "./scoreDriftWindow";

export const DriftThresholdsSchema = z
  .object({
    pValue: z.number().gt(0).lt(1).default(0.01).describe("Drift needs the histogram permutation p-value below this"),
    minCorrectedJsDistance: z
      .number()
      .min(0)
      .max(1)
      .default(0.05)
      .describe("...and the bias-corrected JS distance at least this (large windows make trivial differences significant)"),
    centroidPValue: z.number().gt(0).lt(1).default(0.005).describe("Warning when the mean-vector permutation p-value is below this"),
    minLiveCount: z.number().int().min(1).default(100).describe("Fewer live points than this: not enough data, no verdict"),
    lowConfidenceBelow: z
      .number()
      .int()
      .min(1)
      .default(200)
      .describe("Windows from minLiveCount up to this (exclusive) get a verdict flagged as low confidence"),
    consecutive: z
      .number()
      .int()
      .min(1)
      .default(2)
      .describe("The status turns to drift or warning only when this many latest windows agree"),
  })
  .strict();
export type DriftThresholds = z.infer<typeof DriftThresholdsSchema>;
export const DEFAULT_DRIFT_THRESHOLDS: DriftThresholds = DriftThresholdsSchema.parse({});

export type DriftVerdict = "not_enough_data" | "no_drift" | "warning" | "drift";

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
