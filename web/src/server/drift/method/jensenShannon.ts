// Jensen-Shannon divergence and distance with SciPy's conventions (scipy.spatial.distance.
// jensenshannon): both inputs are normalised to sum 1 first and zero terms contribute 0.
// The drift detector reports the distance in base 2, in [0, 1]; SciPy's default natural log
// reads the same drift 17 % smaller, so the base is explicit everywhere.

/** p_i log(p_i / m_i), with the rel_entr convention that a zero p_i contributes 0. */
const relativeEntropyTerm = (p: number, m: number): number => (p > 0 ? p * Math.log(p / m) : 0);

const total = (values: ArrayLike<number>): number => {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] ?? 0;
  return sum;
};

const checkSameLength = (p: ArrayLike<number>, q: ArrayLike<number>): void => {
  if (p.length !== q.length) throw new RangeError(`distributions of different lengths (${p.length} and ${q.length})`);
};

/**
 * Each bin's share of the Jensen-Shannon divergence (natural log) between `p` and `q`
 * normalised; the shares are never negative and add up to the divergence, so they say
 * which bins moved the most.
 */
export function jensenShannonTerms(p: ArrayLike<number>, q: ArrayLike<number>): Float64Array {
  checkSameLength(p, q);
  const pTotal = total(p);
  const qTotal = total(q);
  const terms = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const pi = (p[i] ?? 0) / pTotal;
    const qi = (q[i] ?? 0) / qTotal;
    const mi = (pi + qi) / 2;
    terms[i] = (relativeEntropyTerm(pi, mi) + relativeEntropyTerm(qi, mi)) / 2;
  }
  return terms;
}

/** Jensen-Shannon divergence of `p` and `q` (normalised first), in log `base`: [0, 1] in base 2. */
export function jensenShannonDivergence(p: ArrayLike<number>, q: ArrayLike<number>, base = 2): number {
  // Rounding can leave a tiny negative sum for identical inputs; the divergence is never below 0.
  return Math.max(0, total(jensenShannonTerms(p, q))) / Math.log(base);
}

/** Jensen-Shannon distance, the square root of the divergence: SciPy's `jensenshannon(p, q, base)`. */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>, base = 2): number {
  return Math.sqrt(jensenShannonDivergence(p, q, base));
}

/**
 * The expected plug-in JS divergence (bits) between two samples of sizes `referenceCount`
 * and `liveCount` drawn from one distribution over `binCount` non-empty bins, to first order:
 * (k - 1) / (8 ln 2) * (1/n_ref + 1/n_live). It is why a fixed "JS > 0.1" threshold fires on
 * quiet windows and why the detector corrects by the permutation mean.
 */
export function nullMeanJsDivergence(binCount: number, referenceCount: number, liveCount: number): number {
  return ((binCount - 1) / (8 * Math.LN2)) * (1 / referenceCount + 1 / liveCount);
}
