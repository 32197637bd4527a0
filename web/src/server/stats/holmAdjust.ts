/**
 * Holm's step-down adjusted p-values (Holm 1979), in the order given: the i-th smallest of m
 * becomes max over j <= i of min(1, (m - j + 1) p_(j)). Rejecting where the adjusted value is
 * below alpha controls the family-wise error rate at alpha for any dependence between the
 * tests, and rejects everything Bonferroni rejects and sometimes more.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  if (pValues.some((p) => !(p >= 0 && p <= 1))) throw new RangeError(`p-values must lie in [0, 1]: ${pValues.join(", ")}`);
  const m = pValues.length;
  const ascending = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(m);
  let runningMax = 0;
  ascending.forEach(({ p, index }, rank) => {
    runningMax = Math.max(runningMax, Math.min(1, (m - rank) * p));
    adjusted[index] = runningMax;
  });
  return adjusted;
}
