// Seeded permutation tests of "the live window comes from the reference distribution". Both
// draw, per permutation, a uniformly random subset of the pooled points of the smaller
// side's size (shuffleFirst), so the cost is that size, not the pooled size.
import { jensenShannonDivergence } from "./jensenShannon";
import type { FlatVectors } from "./flatVectors";
import { shuffleFirst } from "./shuffleFirst";

export interface PermutationTestResult {
  observed: number;
  /** (1 + #{permutations with a statistic >= observed}) / (permutations + 1): never 0. */
  pValue: number;
  /** Mean of the statistic over the permutations: its value under "no drift" at these sizes. */
  permutedMean: number;
  permutations: number;
}

/** Statistics that are mathematically equal can differ in the last bits; they count as ties. */
const atLeast = (value: number, observed: number): boolean => value >= observed - 1e-12 * Math.max(1, Math.abs(observed));

const result = (observed: number, permuted: Float64Array): PermutationTestResult => {
  let exceed = 0;
  let sum = 0;
  for (const value of permuted) {
    if (atLeast(value, observed)) exceed++;
    sum += value;
  }
  return {
    observed,
    pValue: (1 + exceed) / (permuted.length + 1),
    permutedMean: permuted.length > 0 ? sum / permuted.length : 0,
    permutations: permuted.length,
  };
};

/**
 * Permutation test of two histograms over the same bins by their JS divergence (bits):
 * shuffling the pooled bin labels, equivalently a multivariate hypergeometric draw.
 */
export function histogramPermutationTest(
  referenceCounts: readonly number[],
  liveCounts: readonly number[],
  permutations: number,
  random: () => number,
): PermutationTestResult {
  const binCount = referenceCounts.length;
  const pooledCounts = referenceCounts.map((count, bin) => count + (liveCounts[bin] ?? 0));
  const labels = new Int32Array(pooledCounts.reduce((a, b) => a + b, 0));
  let at = 0;
  pooledCounts.forEach((count, bin) => {
    labels.fill(bin, at, at + count);
    at += count;
  });
  const liveTotal = liveCounts.reduce((a, b) => a + b, 0);
  const drawn = Math.min(liveTotal, labels.length - liveTotal);
  const drawnAreLive = drawn === liveTotal;
  const drawnCounts = new Float64Array(binCount);
  const otherCounts = new Float64Array(binCount);
  const permuted = new Float64Array(permutations);
  for (let b = 0; b < permutations; b++) {
    shuffleFirst(labels, drawn, random);
    drawnCounts.fill(0);
    for (let i = 0; i < drawn; i++) {
      const bin = labels[i] ?? 0;
      drawnCounts[bin] = (drawnCounts[bin] ?? 0) + 1;
    }
    for (let bin = 0; bin < binCount; bin++) otherCounts[bin] = (pooledCounts[bin] ?? 0) - (drawnCounts[bin] ?? 0);
    permuted[b] = drawnAreLive ? jensenShannonDivergence(otherCounts, drawnCounts) : jensenShannonDivergence(drawnCounts, otherCounts);
  }
  return result(jensenShannonDivergence(referenceCounts, liveCounts), permuted);
}

/** Euclidean distance between the mean of `selected` rows and the mean of the rest, from the pooled sum. */
const meanDistance = (sum: Float64Array, pooledSum: Float64Array, selectedCount: number, restCount: number): number => {
  let squares = 0;
  for (let j = 0; j < sum.length; j++) {
    const selected = sum[j] ?? 0;
    const difference = selected / selectedCount - ((pooledSum[j] ?? 0) - selected) / restCount;
    squares += difference * difference;
  }
  return Math.sqrt(squares);
};

/** Sums the first `count` listed rows; four rows per pass over the sum, which is what bounds this loop. */
const addRows = (matrix: FlatVectors, rows: Int32Array, count: number, into: Float64Array): void => {
  const { data, dimensions } = matrix;
  into.fill(0);
  let i = 0;
  for (; i + 3 < count; i += 4) {
    const a = (rows[i] ?? 0) * dimensions;
    const b = (rows[i + 1] ?? 0) * dimensions;
    const c = (rows[i + 2] ?? 0) * dimensions;
    const d = (rows[i + 3] ?? 0) * dimensions;
    for (let j = 0; j < dimensions; j++)
      into[j] = (into[j] ?? 0) + (data[a + j] ?? 0) + (data[b + j] ?? 0) + (data[c + j] ?? 0) + (data[d + j] ?? 0);
  }
  for (; i < count; i++) {
    const offset = (rows[i] ?? 0) * dimensions;
    for (let j = 0; j < dimensions; j++) into[j] = (into[j] ?? 0) + (data[offset + j] ?? 0);
  }
};

/**
 * Permutation test on the distance between the mean vectors of two samples (the pooled
 * matrix: `referenceRows` reference rows first, then the live rows). It catches small shifts
 * spread over many clusters that a cluster histogram does not see.
 */
export function meanDistancePermutationTest(
  pooled: FlatVectors,
  referenceRows: number,
  permutations: number,
  random: () => number,
): PermutationTestResult {
  const liveRows = pooled.rows - referenceRows;
  const pooledSum = new Float64Array(pooled.dimensions);
  const all = Int32Array.from({ length: pooled.rows }, (_, i) => i);
  addRows(pooled, all, pooled.rows, pooledSum);
  const drawn = Math.min(referenceRows, liveRows);
  const sum = new Float64Array(pooled.dimensions);
  // The observed split goes through the same arithmetic as the permuted ones, so ties are ties.
  const observedRows = drawn === referenceRows ? all : all.subarray(referenceRows);
  addRows(pooled, observedRows, drawn, sum);
  const observed = meanDistance(sum, pooledSum, drawn, pooled.rows - drawn);
  const permuted = new Float64Array(permutations);
  for (let b = 0; b < permutations; b++) {
    shuffleFirst(all, drawn, random);
    addRows(pooled, all, drawn, sum);
    permuted[b] = meanDistance(sum, pooledSum, drawn, pooled.rows - drawn);
  }
  return result(observed, permuted);
}
