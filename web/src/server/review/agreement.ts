/**
 * Inter-annotator agreement on nominal labels (failure categories).
 */

/**
 * Cohen's kappa for two raters who labelled the same items: (p_o - p_e) / (1 - p_e),
 * with p_e from each rater's own label frequencies. Null when it is undefined (no items,
 * or both raters used one and the same label throughout, so chance agreement is 1).
 */
export function cohensKappa(pairs: [string, string][]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let agreed = 0;
  for (const [a, b] of pairs) {
    if (a === b) agreed++;
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  const observed = agreed / n;
  let expected = 0;
  for (const [label, count] of first) expected += (count / n) * ((second.get(label) ?? 0) / n);
  return expected === 1 ? null : (observed - expected) / (1 - expected);
}

/**
 * Krippendorff's alpha for nominal data, any number of raters, missing values allowed:
 * 1 - D_o / D_e from the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"). `units` holds each unit's values (one per rater, null when that
 * rater did not label it); units with fewer than two values are not pairable and skipped.
 * Null when no unit is pairable or every value is the same (no variation to agree on).
 */
export function krippendorffAlphaNominal(units: (string | null)[][]): number | null {
  const coincidences = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, weight: number) => {
    const row = coincidences.get(c) ?? new Map<string, number>();
    row.set(k, (row.get(k) ?? 0) + weight);
    coincidences.set(c, row);
  };
  for (const unit of units) {
    const values = unit.filter((value): value is string => value !== null);
    const m = values.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) add(values[i] ?? "", values[j] ?? "", 1 / (m - 1));
  }
  const totals = new Map<string, number>();
  let n = 0;
  for (const [c, row] of coincidences) {
    const total = [...row.values()].reduce((sum, value) => sum + value, 0);
    totals.set(c, total);
    n += total;
  }
  if (n <= 1) return null;
  let disagreementObserved = 0;
  for (const [c, row] of coincidences) for (const [k, count] of row) if (c !== k) disagreementObserved += count;
  let disagreementExpected = 0;
  for (const [c, nc] of totals) for (const [k, nk] of totals) if (c !== k) disagreementExpected += nc * nk;
  disagreementExpected /= n - 1;
  return disagreementExpected === 0 ? null : 1 - disagreementObserved / disagreementExpected;
}
