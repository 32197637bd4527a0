// What a rollout's guard concludes from one release comparison: pure, so every rule of
// advancing, pausing and rolling back is tested without a database.
import type { ReleaseComparison, ReleaseMetricComparison } from "@/contracts/releases";
import type { Guardrail, GuardrailCheck, RolloutCheck } from "@/contracts/rollouts";
import { formatShare } from "@/components/releases/formatShare";

type Interval = { lower: number | null; upper: number | null };

/** An interval of "how much worse": flipped for a metric where higher is better. */
function worseBy(direction: ReleaseMetricComparison["direction"], estimate: number, ci: Interval): { estimate: number; ci: Interval } {
  return direction === "lower_is_better"
    ? { estimate, ci }
    : { estimate: -estimate, ci: { lower: ci.upper === null ? null : -ci.upper, upper: ci.lower === null ? null : -ci.lower } };
}

/**
 * One guardrail against the comparison. Breached: the always-valid interval of the
 * regression lies wholly past the limit (a significant regression larger than allowed).
 * Inconclusive: the estimate is past the limit but its interval still reaches below it.
 * Holds: the estimate is within the limit. Waiting: too few samples in either release.
 * A baseline at 0 (no errors yet) has no relative change: any significant rise breaches.
 */
export function checkGuardrail(guardrail: Guardrail, metric: ReleaseMetricComparison | undefined, minSamples: number): GuardrailCheck {
  const n = { baseline: metric?.baseline.n ?? 0, candidate: metric?.candidate.n ?? 0 };
  const base = { metric: guardrail.metric, maxRegression: guardrail.maxRegression, n };
  if (!metric?.difference) return { ...base, status: "waiting", regression: null, regressionCi: null };
  const { difference } = metric;
  const enough = n.baseline >= minSamples && n.candidate >= minSamples;
  if (difference.relative) {
    const worse = worseBy(metric.direction, difference.relative.estimate, difference.relative.ci);
    const shown = { ...base, regression: worse.estimate, regressionCi: worse.ci };
    if (!enough) return { ...shown, status: "waiting" };
    if (worse.ci.lower !== null && worse.ci.lower > guardrail.maxRegression) return { ...shown, status: "breached" };
    return { ...shown, status: worse.estimate > guardrail.maxRegression ? "inconclusive" : "holds" };
  }
  const worse = worseBy(metric.direction, difference.estimate, difference.ci);
  const shown = { ...base, regression: null, regressionCi: null };
  if (!enough) return { ...shown, status: "waiting" };
  if (worse.ci.lower !== null && worse.ci.lower > 0) return { ...shown, status: "breached" };
  return { ...shown, status: worse.estimate > 0 ? "inconclusive" : "holds" };
}

export interface GuardSituation {
  state: "running" | "paused";
  /** Whether the stage has lasted its minimum dwell time. */
  dwellElapsed: boolean;
  /** Seconds of dwell left, for the reason. */
  dwellLeftSeconds: number;
  nextShare: number;
}

const percent = (value: number) => `${Number((value * 100).toPrecision(3))} %`;

function describeCheck(check: GuardrailCheck): string {
  if (check.regression === null) return `${check.metric} rose from 0 in the baseline`;
  const interval =
    check.regressionCi && check.regressionCi.lower !== null && check.regressionCi.upper !== null
      ? ` (interval ${percent(check.regressionCi.lower)} to ${percent(check.regressionCi.upper)})`
      : "";
  return `${check.metric} is ${percent(check.regression)} worse${interval}, against ${percent(check.maxRegression)} allowed`;
}

/**
 * The decision: roll back on a sample-ratio mismatch or a breached guardrail (at any time,
 * paused or not); otherwise wait out the dwell time; then pause on an inconclusive
 * guardrail, wait for samples, or advance when every guardrail holds.
 */
export function decideRollout(
  situation: GuardSituation,
  guardrails: GuardrailCheck[],
  srm: RolloutCheck["srm"],
): Pick<RolloutCheck, "decision" | "reason"> {
  if (srm?.mismatch)
    return {
      decision: "rollback",
      reason: `Sample ratio mismatch: ${srm.units.candidate} users on the candidate and ${srm.units.baseline} on the baseline do not fit the split (p = ${srm.pValue.toExponential(1)}); the assignment or the release labels are broken`,
    };
  const breached = guardrails.filter((check) => check.status === "breached");
  if (breached.length) return { decision: "rollback", reason: `Guardrail breached: ${breached.map(describeCheck).join("; ")}` };
  if (situation.state === "paused") return { decision: "wait", reason: "Paused: a person promotes, resumes or rolls back" };
  if (!situation.dwellElapsed)
    return { decision: "wait", reason: `Within the stage's dwell time (${Math.ceil(situation.dwellLeftSeconds / 60)} min left)` };
  const inconclusive = guardrails.filter((check) => check.status === "inconclusive");
  if (inconclusive.length)
    return {
      decision: "pause",
      reason: `Inconclusive past the dwell time: ${inconclusive.map(describeCheck).join("; ")}, but not significantly; a person decides`,
    };
  const waiting = guardrails.filter((check) => check.status === "waiting");
  if (waiting.length)
    return {
      decision: "wait",
      reason: `Waiting for samples: ${waiting.map((check) => `${check.metric} (${Math.min(check.n.baseline, check.n.candidate)} so far)`).join(", ")}`,
    };
  return { decision: "advance", reason: `Every guardrail holds; the candidate goes to ${formatShare(situation.nextShare)}` };
}

/** The guardrails and sample ratio of a comparison, with the decision they lead to. */
export function guardCheck(
  comparison: ReleaseComparison,
  guardrails: Guardrail[],
  minSamples: number,
  situation: GuardSituation,
  at: Date,
): RolloutCheck {
  const checks = guardrails.map((guardrail) =>
    checkGuardrail(
      guardrail,
      comparison.metrics.find((metric) => metric.key === guardrail.metric),
      minSamples,
    ),
  );
  const srm = comparison.srm ? { units: comparison.srm.units, pValue: comparison.srm.pValue, mismatch: comparison.srm.mismatch } : null;
  return {
    at: at.toISOString(),
    from: comparison.from,
    to: comparison.to,
    guardrails: checks,
    srm,
    ...decideRollout(situation, checks, srm),
  };
}
