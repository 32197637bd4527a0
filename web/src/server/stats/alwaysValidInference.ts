// Always-valid inference for a release comparison, which is looked at every hour: intervals and
// p-values that hold at every look at once, so peeking does not inflate false alarms.
//
// Method: the asymptotic confidence sequence of Waudby-Smith, Arbour, Sinha, Kennedy & Ramdas,
// "Time-uniform central limit theory and asymptotic confidence sequences" (Annals of Statistics,
// 2024; arXiv:2103.06476), as GrowthBook's sequential testing uses it. After N units an estimate
// with standard error se is within
//
//   se * sqrt( 2 (N r² + 1) / (N r²) * ln( sqrt(N r² + 1) / alpha ) )
//
// of the truth at every N simultaneously, with probability 1 - alpha (asymptotically). r² is the
// precision of the normal mixture, tuned so the sequence is tightest near a planned sample size
// N*: the width at N* is smallest where x = N* r² solves x = c + ln(1 + x), c = -2 ln alpha, and
// one fixed-point step from x = c gives the paper's (and GrowthBook's) r² = (c + ln(c + 1)) / N*.
// GrowthBook writes the width as sqrt(2(Nσ²ρ²+1)/(N²ρ²) · ln(sqrt(Nσ²ρ²+1)/alpha)) with
// σ² = N se²; that is this formula with ρ = r/σ. We tune r, not ρ, on the standardised scale, so
// a verdict does not change when latency is counted in seconds instead of milliseconds.
//
// The always-valid p-value is the level at which the sequence excludes 0, with r held fixed:
// p = min(1, sqrt(N r² + 1) exp(-z² N r² / (2 (N r² + 1)))), z = estimate / se. That is 1 / Λ of
// the normal-mixture SPRT of Johari, Koomen, Pekelis & Walsh, "Always valid inference"
// (Operations Research, 2022), as Statsig uses it, with mixing variance τ² = r² σ²: p-value and
// interval agree exactly (p < alpha iff the interval excludes 0). It is not a running minimum:
// the functions are stateless, and P(p <= alpha at any look) <= alpha holds all the same; a
// caller that wants a verdict to stick once reached stores it.
//
// Two arms: N counts the units of both. With units assigned at random, a unit's inverse-
// probability-weighted outcome has mean candidate - baseline and variance N·se² for the usual
// se² = s²_b / n_b + s²_c / n_c (the paper's treatment of randomised experiments), so any split,
// 50/50 or a 1 % canary, uses the same formula.

export interface ArmStatistics {
  /** Observations (requests, ratings) in the arm. */
  n: number;
  mean: number;
  /** The variance of one observation; for a proportion p, p(1 - p). */
  variance: number;
}

export interface Interval {
  lower: number;
  upper: number;
}

export interface SequentialOptions {
  /** Chance of any false alarm over all looks, per metric. */
  alpha: number;
  /** Units (both arms) at which the intervals are tuned to be tightest; a factor of 10 off costs little. */
  plannedSampleSize: number;
}

export const defaultSequentialOptions: SequentialOptions = { alpha: 0.05, plannedSampleSize: 10_000 };

export interface Estimate {
  estimate: number;
  standardError: number;
  /** Always-valid at the level asked for (the options' alpha unless narrowed). */
  interval: Interval;
}

export interface DifferenceInference extends Estimate {
  /** candidate / baseline - 1 by the delta method; null when the baseline mean is 0. */
  relative: Estimate | null;
  /** Always-valid p-value of "no difference". */
  pValue: number;
  /** Units in both arms: the N of the confidence sequence. */
  totalSamples: number;
}

/** A proportion (errors among requests, thumbs-down among rated answers) as arm statistics. */
export function proportionStatistics(count: number, n: number): ArmStatistics {
  if (!(n >= 0) || !(count >= 0) || count > n) throw new RangeError(`need 0 <= count <= n, got ${count} of ${n}`);
  const share = n === 0 ? 0 : count / n;
  return { n, mean: share, variance: share * (1 - share) };
}

/** r², the mixture precision that makes the sequence tightest at `plannedSampleSize` units. */
export function mixturePrecision({ alpha, plannedSampleSize }: SequentialOptions): number {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must lie in (0, 1), got ${alpha}`);
  if (!(plannedSampleSize > 0)) throw new RangeError(`planned sample size must be positive, got ${plannedSampleSize}`);
  const logTerm = -2 * Math.log(alpha);
  return (logTerm + Math.log(logTerm + 1)) / plannedSampleSize;
}

/**
 * Half-width of the always-valid interval for an estimate with `standardError` after
 * `totalSamples` units, at level `alpha` with mixture precision `precision` (r²). Holding r²
 * fixed while lowering alpha (a Bonferroni share of it) keeps the sequence valid.
 */
export function alwaysValidHalfWidth(standardError: number, totalSamples: number, alpha: number, precision: number): number {
  if (!(totalSamples > 0)) throw new RangeError(`need at least one unit, got ${totalSamples}`);
  const spread = totalSamples * precision;
  return standardError * Math.sqrt(((2 * (spread + 1)) / spread) * Math.log(Math.sqrt(spread + 1) / alpha));
}

/** The always-valid p-value of "true value 0" for an estimate (the inverse of the half-width in alpha). */
export function alwaysValidPValue(estimate: number, standardError: number, totalSamples: number, precision: number): number {
  if (!(totalSamples > 0)) throw new RangeError(`need at least one unit, got ${totalSamples}`);
  // With no spread the data are constant: any difference is certain, none is no evidence.
  if (standardError === 0) return estimate === 0 ? 1 : 0;
  const spread = totalSamples * precision;
  const zSquared = (estimate / standardError) ** 2;
  return Math.min(1, Math.sqrt(spread + 1) * Math.exp((-zSquared * spread) / (2 * (spread + 1))));
}

const checkArm = (arm: ArmStatistics, name: string): void => {
  if (!(arm.n > 0) || !Number.isFinite(arm.n)) throw new RangeError(`${name}: need observations, got n = ${arm.n}`);
  if (!Number.isFinite(arm.mean)) throw new RangeError(`${name}: mean must be finite, got ${arm.mean}`);
  if (!(arm.variance >= 0) || !Number.isFinite(arm.variance)) throw new RangeError(`${name}: variance must be finite and >= 0`);
};

const estimateWithin = (estimate: number, standardError: number, totalSamples: number, alpha: number, precision: number): Estimate => {
  const halfWidth = alwaysValidHalfWidth(standardError, totalSamples, alpha, precision);
  return { estimate, standardError, interval: { lower: estimate - halfWidth, upper: estimate + halfWidth } };
};

/**
 * One arm's mean with its always-valid interval, for display beside the difference. N is the
 * arm's own n with the same mixture, so a small canary arm shows a wide interval for its first
 * hours; the verdict comes from the difference, whose N counts both arms.
 */
export function alwaysValidMean(arm: ArmStatistics, options: SequentialOptions = defaultSequentialOptions): Estimate {
  checkArm(arm, "arm");
  return estimateWithin(arm.mean, Math.sqrt(arm.variance / arm.n), arm.n, options.alpha, mixturePrecision(options));
}

/**
 * Candidate minus baseline, absolute and relative, with always-valid intervals and p-value.
 * `intervalAlpha` narrows the intervals' level (a Bonferroni share across metrics) while the
 * mixture stays tuned at `options.alpha`, so the p-value does not depend on it.
 */
export function alwaysValidDifference(
  baseline: ArmStatistics,
  candidate: ArmStatistics,
  options: SequentialOptions = defaultSequentialOptions,
  intervalAlpha: number = options.alpha,
): DifferenceInference {
  checkArm(baseline, "baseline");
  checkArm(candidate, "candidate");
  const totalSamples = baseline.n + candidate.n;
  const precision = mixturePrecision(options);
  const estimate = candidate.mean - baseline.mean;
  const standardError = Math.sqrt(baseline.variance / baseline.n + candidate.variance / candidate.n);
  // Delta method for candidate/baseline - 1 (GrowthBook's relative variance): asymptotic, like the rest.
  const relativeError = Math.sqrt(
    candidate.variance / (candidate.n * baseline.mean ** 2) + (baseline.variance * candidate.mean ** 2) / (baseline.n * baseline.mean ** 4),
  );
  const relative =
    baseline.mean === 0 ? null : estimateWithin(candidate.mean / baseline.mean - 1, relativeError, totalSamples, intervalAlpha, precision);
  const absolute = estimateWithin(estimate, standardError, totalSamples, intervalAlpha, precision);
  // Fields listed rather than spread from `absolute`: the spread made each call ~20x slower in
  // V8, and the simulations call this half a million times.
  return {
    estimate,
    standardError,
    interval: absolute.interval,
    relative,
    pValue: alwaysValidPValue(estimate, standardError, totalSamples, precision),
    totalSamples,
  };
}
