import { defaultSequentialOptions, type ArmStatistics, type SequentialOptions } from "@/server/stats/alwaysValidInference";
import { holmAdjust } from "@/server/stats/holmAdjust";
import {
  decideVerdict,
  quantileReleaseVerdict,
  releaseVerdict,
  type ReleaseMetricResult,
  type ReleaseVerdict,
  type VerdictRules,
} from "@/server/stats/releaseVerdict";
import { sampleRatioMismatch, type SampleRatioCheck } from "@/server/stats/sampleRatioMismatch";
import type { OrderedSample } from "@/server/stats/quantileInference";

export type ReleaseMetricInput<Key extends string = string> = VerdictRules & { key: Key } & (
    | { kind: "mean"; baseline: ArmStatistics; candidate: ArmStatistics }
    | { kind: "quantile"; baseline: OrderedSample; candidate: OrderedSample; quantile: number }
  );

export interface ComparedMetric<Key extends string = string> extends Omit<ReleaseMetricResult, "verdict"> {
  key: Key;
  /** Holm-adjusted across the comparison's metrics; the verdict is decided with it. */
  adjustedPValue: number;
  verdict: ReleaseVerdict | "sample_ratio_mismatch";
}

export interface ReleaseComparison<Key extends string = string> {
  /** Null when no split was given to check against. */
  sampleRatio: SampleRatioCheck | null;
  metrics: ComparedMetric<Key>[];
}

/**
 * Every metric of a baseline/candidate comparison, each decided with Holm-adjusted always-valid
 * p-values, so the chance of any false "better" or "worse" across all metrics and all looks
 * stays at alpha (Holm needs only valid p-values, and always-valid ones are valid at whatever
 * look the data are read).
 *
 * - The family is every metric given. One below its minimum sample counts with p = 1: it cannot
 *   be declared, and a noisy small-sample p-value cannot move the others up the Holm ladder.
 * - The difference intervals are at alpha / m (Bonferroni), so they hold for all m metrics
 *   together. Holm rejects whatever Bonferroni rejects, so an interval that excludes 0 always
 *   comes with a verdict; Holm can also declare a metric whose interval still touches 0. The
 *   arms' own intervals stay at alpha: they describe one release each.
 * - Sample-ratio mismatch first: when the units in each arm do not fit the configured split
 *   (p < 0.001), assignment or logging is broken and every verdict is withheld as
 *   "sample_ratio_mismatch"; the figures stay for diagnosis. `units` counts assignment units
 *   (users, sessions), not requests, over a period with one configured `candidateShare`.
 */
export function compareReleaseMetrics<Key extends string>(
  input: {
    /** Units per arm and the configured split; without it (no rollout behind the comparison) no ratio is checked. */
    split?: { units: { baseline: number; candidate: number }; candidateShare: number };
    metrics: readonly ReleaseMetricInput<Key>[];
  },
  options: SequentialOptions = defaultSequentialOptions,
): ReleaseComparison<Key> {
  const { split } = input;
  const sampleRatio = split
    ? sampleRatioMismatch([split.units.baseline, split.units.candidate], [1 - split.candidateShare, split.candidateShare])
    : null;
  const intervalAlpha = options.alpha / Math.max(input.metrics.length, 1);
  const results = input.metrics.map((metric) => ({
    key: metric.key,
    ...(metric.kind === "mean" ? releaseVerdict(metric, options, intervalAlpha) : quantileReleaseVerdict(metric, options, intervalAlpha)),
  }));
  const adjusted = holmAdjust(results.map((result) => (result.verdict === "not_enough_data" ? 1 : result.pValue)));
  return {
    sampleRatio,
    metrics: results.map((result, i) => {
      const adjustedPValue = adjusted[i] ?? 1;
      const enoughData = result.verdict !== "not_enough_data";
      const verdict = decideVerdict(result.difference?.estimate ?? 0, adjustedPValue, options.alpha, result.direction, enoughData);
      return { ...result, adjustedPValue, verdict: sampleRatio?.mismatch ? "sample_ratio_mismatch" : verdict };
    }),
  };
}
