import { chiSquareSurvival } from "@/server/stats/chiSquareSurvival";

export interface SampleRatioCheck {
  chiSquare: number;
  degreesOfFreedom: number;
  pValue: number;
  /** p < 0.001: the split is broken (assignment, logging or bots), so no verdict can be trusted. */
  mismatch: boolean;
}

/**
 * The threshold GrowthBook and Statsig use: strict, because the check runs at every look
 * and a false mismatch hides every verdict of the comparison.
 */
export const sampleRatioMismatchThreshold = 0.001;

/**
 * Pearson's chi-square goodness of fit of the units counted in each arm against the configured
 * split (scipy.stats.chisquare). `expectedShares` are the arms' shares of traffic and sum to 1.
 * No units yet is no evidence: p = 1. An arm configured to get nothing that got units is a
 * mismatch outright (its expected count is 0, the statistic infinite); arms with share 0 and
 * no units drop out of the statistic and of its degrees of freedom.
 */
export function sampleRatioMismatch(observed: readonly number[], expectedShares: readonly number[]): SampleRatioCheck {
  if (observed.length !== expectedShares.length || observed.length < 2)
    throw new RangeError(`need one expected share per arm and at least two arms, got ${observed.length} and ${expectedShares.length}`);
  if (observed.some((count) => !(count >= 0) || !Number.isFinite(count)))
    throw new RangeError(`counts must be finite and >= 0: ${observed.join(", ")}`);
  if (expectedShares.some((share) => !(share >= 0))) throw new RangeError(`shares must be >= 0: ${expectedShares.join(", ")}`);
  const shareSum = expectedShares.reduce((sum, share) => sum + share, 0);
  if (Math.abs(shareSum - 1) > 1e-9) throw new RangeError(`shares must sum to 1, got ${shareSum}`);

  const total = observed.reduce((sum, count) => sum + count, 0);
  const armsWithShare = expectedShares.filter((share) => share > 0).length;
  const degreesOfFreedom = armsWithShare - 1;
  if (total === 0) return { chiSquare: 0, degreesOfFreedom, pValue: 1, mismatch: false };

  let chiSquare = 0;
  observed.forEach((count, arm) => {
    const expected = total * (expectedShares[arm] ?? 0);
    if (expected === 0) chiSquare += count > 0 ? Infinity : 0;
    else chiSquare += (count - expected) ** 2 / expected;
  });
  const pValue = chiSquare === Infinity ? 0 : degreesOfFreedom === 0 ? 1 : chiSquareSurvival(chiSquare, degreesOfFreedom);
  return { chiSquare, degreesOfFreedom, pValue, mismatch: pValue < sampleRatioMismatchThreshold };
}
