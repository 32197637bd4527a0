/**
 * The first principal component of a set of vectors, uncentred as in SIF (the direction
 * every sentence average shares: frequent words, syntax): the top eigenvector of sum(v v^T),
 * by power iteration from a fixed start so the result is reproducible.
 */
export const firstPrincipalComponent = (vectors: readonly ArrayLike<number>[], iterations = 200): number[] => {
  const dimensions = vectors[0]?.length ?? 0;
  let component = new Float64Array(dimensions).fill(1 / Math.sqrt(Math.max(1, dimensions)));
  for (let step = 0; step < iterations; step++) {
    const next = new Float64Array(dimensions);
    for (const vector of vectors) {
      let dot = 0;
      for (let i = 0; i < dimensions; i++) dot += (vector[i] ?? 0) * (component[i] ?? 0);
      for (let i = 0; i < dimensions; i++) next[i] = (next[i] ?? 0) + dot * (vector[i] ?? 0);
    }
    const norm = Math.hypot(...next);
    if (norm === 0) break;
    component = next.map((value) => value / norm);
  }
  // Sign convention: the largest coordinate positive, so refits compare equal.
  const largest = component.reduce((best, value) => (Math.abs(value) > Math.abs(best) ? value : best), 0);
  return Array.from(component, (value) => (largest < 0 ? -value : value));
};
