// Smooth inverse frequency sentence vectors (Arora, Liang, Ma 2017): a weighted average of
// word vectors, weight a / (a + p(w)), minus the projection on a fixed principal component.
// Without the weighting and the removal every cosine lands in 0.75-1.0 (frequent words
// dominate every average), which makes a useless similarity score.
import type { GloveTable } from "./gloveTable";

export const SIF_A = 1e-3;
/**
 * p(w) from the word's frequency rank r by Zipf's law, p = 1 / (r * H_n): the package
 * orders words by frequency but ships no counts, so this is an estimate.
 */
export const zipfProbability = (rank: number, vocabulary: number): number => 1 / ((rank + 1) * (Math.log(vocabulary) + 0.5772156649));

/** Per-row SIF weights, computed once per table. */
export const sifWeights = (vocabulary: number, totalVocabulary: number, a = SIF_A): Float32Array =>
  Float32Array.from({ length: vocabulary }, (_, rank) => a / (a + zipfProbability(rank, totalVocabulary)));

/**
 * Per-row factor of the SIF average: the row's weight times its int8 scale, multiplied once
 * per table rather than per word (the same double), so a word reads one array, not two.
 */
export const sifFactors = (table: GloveTable, weights: Float32Array): Float64Array =>
  Float64Array.from({ length: table.scales.length }, (_, row) => (weights[row] ?? 0) * (table.scales[row] ?? 0));

/** The SIF average of the given rows, before the principal component is removed. */
export const sifAverage = (rows: readonly number[], table: GloveTable, factors: Float64Array): Float64Array => {
  const { dimensions, values } = table;
  const sum = new Float64Array(dimensions);
  for (const row of rows) {
    const factor = factors[row] ?? 0;
    const offset = row * dimensions;
    for (let i = 0; i < dimensions; i++) sum[i] = (sum[i] ?? 0) + factor * (values[offset + i] ?? 0);
  }
  if (rows.length > 0) for (let i = 0; i < dimensions; i++) sum[i] = (sum[i] ?? 0) / rows.length;
  return sum;
};

/** Removes the projection on a unit vector and L2-normalises (a zero vector stays zero). */
export const removeComponent = (vector: Float64Array, component: readonly number[]): Float32Array => {
  let projection = 0;
  for (let i = 0; i < vector.length; i++) projection += (vector[i] ?? 0) * (component[i] ?? 0);
  let squares = 0;
  for (let i = 0; i < vector.length; i++) {
    vector[i] = (vector[i] ?? 0) - projection * (component[i] ?? 0);
    squares += (vector[i] ?? 0) ** 2;
  }
  const out = new Float32Array(vector.length);
  if (squares === 0) return out;
  const norm = Math.sqrt(squares);
  for (let i = 0; i < vector.length; i++) out[i] = (vector[i] ?? 0) / norm;
  return out;
};
