// Kullback-Leibler divergence with scipy.stats.entropy semantics, and the smoothed form the
// drift detector reports (live || reference on counts, in bits).

/**
 * KL(p || q) of `p` and `q` normalised to sum 1, in log `base` (natural by default), as
 * `scipy.stats.entropy(p, q, base)`: zero p_i terms contribute 0, and the result is Infinity
 * when some q_i is 0 where p_i is not.
 */
export function klDivergence(p: ArrayLike<number>, q: ArrayLike<number>, base = Math.E): number {
  if (p.length !== q.length) throw new RangeError(`distributions of different lengths (${p.length} and ${q.length})`);
  let pTotal = 0;
  let qTotal = 0;
  for (let i = 0; i < p.length; i++) {
    pTotal += p[i] ?? 0;
    qTotal += q[i] ?? 0;
  }
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = (p[i] ?? 0) / pTotal;
    if (pi === 0) continue;
    const qi = (q[i] ?? 0) / qTotal;
    if (qi === 0) return Infinity;
    sum += pi * Math.log(pi / qi);
  }
  return sum / Math.log(base);
}

/**
 * KL(live || reference) in bits on counts with additive (Lidstone) smoothing: each count gets
 * `alpha` before normalising, so an empty reference bin gives a finite number. The value
 * depends materially on alpha, which is why it is fixed (0.5) rather than chosen per run.
 */
export function smoothedKlDivergence(liveCounts: ArrayLike<number>, referenceCounts: ArrayLike<number>, alpha = 0.5): number {
  const smooth = (counts: ArrayLike<number>): number[] => Array.from(counts, (count) => count + alpha);
  return klDivergence(smooth(liveCounts), smooth(referenceCounts), 2);
}
