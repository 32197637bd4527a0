import { chiSquareSurvival } from "@/server/stats/chiSquareSurvival";

export interface GTestResult {
  /** G = 2 Σ O ln(O / E) over the 2 x k table (rows: reference, live). */
  g: number;
  /** Bins with a non-zero pooled count, minus one. */
  degreesOfFreedom: number;
  /** chi-square survival of G: the analytic twin of the permutation p-value. */
  pValue: number;
}

/**
 * The likelihood-ratio (G) test of homogeneity between two histograms: equals 2 N times the
 * JS divergence (nats) weighted by the sample shares, so it cross-checks the permutation test
 * and gives a p-value where permutations would be too coarse.
 */
export function gTest(referenceCounts: ArrayLike<number>, liveCounts: ArrayLike<number>): GTestResult {
  if (referenceCounts.length !== liveCounts.length)
    throw new RangeError(`histograms of different lengths (${referenceCounts.length} and ${liveCounts.length})`);
  let referenceTotal = 0;
  let liveTotal = 0;
  for (let i = 0; i < liveCounts.length; i++) {
    referenceTotal += referenceCounts[i] ?? 0;
    liveTotal += liveCounts[i] ?? 0;
  }
  const grandTotal = referenceTotal + liveTotal;
  let g = 0;
  let nonEmptyBins = 0;
  const observedTerm = (observed: number, expected: number): number => (observed > 0 ? observed * Math.log(observed / expected) : 0);
  for (let i = 0; i < liveCounts.length; i++) {
    const reference = referenceCounts[i] ?? 0;
    const live = liveCounts[i] ?? 0;
    const pooled = reference + live;
    if (pooled === 0) continue;
    nonEmptyBins++;
    g += observedTerm(reference, (pooled * referenceTotal) / grandTotal) + observedTerm(live, (pooled * liveTotal) / grandTotal);
  }
  g = Math.max(0, 2 * g);
  const degreesOfFreedom = Math.max(0, nonEmptyBins - 1);
  return { g, degreesOfFreedom, pValue: degreesOfFreedom === 0 ? 1 : chiSquareSurvival(g, degreesOfFreedom) };
}
