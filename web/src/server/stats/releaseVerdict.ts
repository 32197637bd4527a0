import {
  alwaysValidDifference,
  alwaysValidMean,
  defaultSequentialOptions,
  type ArmStatistics,
  type DifferenceInference,
  type Interval,
  type SequentialOptions,
} from "@/server/stats/alwaysValidInference";
import {
  alwaysValidQuantileInterval,
  sampleQuantile,
  shareAboveBaselineQuantile,
  type OrderedSample,
} from "@/server/stats/quantileInference";

export type MetricDirection = "higher_is_better" | "lower_is_better";
export type ReleaseVerdict = "better" | "worse" | "no_difference" | "not_enough_data";

export interface VerdictRules {
  direction: MetricDirection;
  /** Below this many observations in either arm the verdict is "not_enough_data", never better or worse. */
  minimumSamples: number;
}

export interface ArmSummary {
  n: number;
  /** The mean (or share, or quantile); null with no observations. */
  value: number | null;
  /** Always-valid at the comparison's alpha; null with no observations. */
  ci: Interval | null;
}

export interface ReleaseMetricResult {
  direction: MetricDirection;
  /**
   * What `difference` measures: candidate minus baseline mean (a proportion is a mean), or, for
   * a percentile metric, candidate minus baseline share of observations above the baseline's
   * quantile (the arms' `value` and `ci` are then the quantiles themselves).
   */
  differenceOf: "mean" | "share_above_baseline_quantile";
  baseline: ArmSummary;
  candidate: ArmSummary;
  /** Null while an arm has no observations. */
  difference: DifferenceInference | null;
  /** Always-valid, unadjusted for the other metrics (1 while an arm is empty). */
  pValue: number;
  verdict: ReleaseVerdict;
}

/** The verdict for an (adjusted) p-value: a significant difference in the metric's good direction is "better". */
export function decideVerdict(
  estimate: number,
  pValue: number,
  alpha: number,
  direction: MetricDirection,
  enoughData: boolean,
): ReleaseVerdict {
  if (!enoughData) return "not_enough_data";
  if (!(pValue < alpha)) return "no_difference";
  return estimate > 0 === (direction === "higher_is_better") ? "better" : "worse";
}

const hasEnoughData = (baselineN: number, candidateN: number, minimumSamples: number): boolean =>
  Math.min(baselineN, candidateN) >= Math.max(minimumSamples, 1);

const armSummary = (arm: ArmStatistics, options: SequentialOptions): ArmSummary =>
  arm.n > 0 ? { n: arm.n, value: arm.mean, ci: alwaysValidMean(arm, options).interval } : { n: arm.n, value: null, ci: null };

const comparedWith = (
  baseline: ArmStatistics,
  candidate: ArmStatistics,
  rules: VerdictRules,
  options: SequentialOptions,
  intervalAlpha: number,
): Pick<ReleaseMetricResult, "difference" | "pValue" | "verdict"> => {
  if (baseline.n === 0 || candidate.n === 0) return { difference: null, pValue: 1, verdict: "not_enough_data" };
  const difference = alwaysValidDifference(baseline, candidate, options, intervalAlpha);
  const enough = hasEnoughData(baseline.n, candidate.n, rules.minimumSamples);
  return {
    difference,
    pValue: difference.pValue,
    verdict: decideVerdict(difference.estimate, difference.pValue, options.alpha, rules.direction, enough),
  };
};

/**
 * Baseline against candidate on a mean metric (error rate and thumbs-down rate as
 * proportions, latency, cost per request, rating, scores), from each arm's n, mean and
 * variance. `intervalAlpha` narrows the difference's interval only (see compareReleaseMetrics).
 */
export function releaseVerdict(
  input: { baseline: ArmStatistics; candidate: ArmStatistics } & VerdictRules,
  options: SequentialOptions = defaultSequentialOptions,
  intervalAlpha: number = options.alpha,
): ReleaseMetricResult {
  return {
    direction: input.direction,
    differenceOf: "mean",
    baseline: armSummary(input.baseline, options),
    candidate: armSummary(input.candidate, options),
    ...comparedWith(input.baseline, input.candidate, input, options, intervalAlpha),
  };
}

/**
 * Baseline against candidate on a percentile metric (`quantile` 0.5 for p50, 0.95 for p95) from
 * an ordered sample (raw values or a histogram). The verdict comes from the shares of each arm above
 * the baseline's quantile (see quantileInference.ts); the arms show the quantiles with their
 * distribution-free intervals.
 */
export function quantileReleaseVerdict(
  input: { baseline: OrderedSample; candidate: OrderedSample; quantile: number } & VerdictRules,
  options: SequentialOptions = defaultSequentialOptions,
  intervalAlpha: number = options.alpha,
): ReleaseMetricResult {
  const { baseline, candidate } = input;
  const quantileOf = (sample: OrderedSample): ArmSummary =>
    sample.size > 0
      ? {
          n: sample.size,
          value: sampleQuantile(sample, input.quantile),
          ci: alwaysValidQuantileInterval(sample, input.quantile, options),
        }
      : { n: 0, value: null, ci: null };
  const shares = baseline.size > 0 && candidate.size > 0 ? shareAboveBaselineQuantile(baseline, candidate, input.quantile) : null;
  return {
    direction: input.direction,
    differenceOf: "share_above_baseline_quantile",
    baseline: quantileOf(baseline),
    candidate: quantileOf(candidate),
    ...(shares
      ? comparedWith(shares.baseline, shares.candidate, input, options, intervalAlpha)
      : { difference: null, pValue: 1, verdict: "not_enough_data" as const }),
  };
}
