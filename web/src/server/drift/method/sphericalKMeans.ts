import { seededRandom } from "../../stats/seededRandom";
import { nearestCentroids, type FlatVectors } from "./flatVectors";

export interface SphericalKMeansOptions {
  seed: number;
  /** Independent k-means++ starts; the one with the highest total cosine wins. */
  restarts?: number;
  maxIterations?: number;
}

export interface SphericalKMeansResult {
  /** k unit centroids, row after row (k x dimensions). */
  centroids: Float64Array;
  /** Cluster of every row. */
  assignments: Int32Array;
  /** Sum over rows of the cosine to their centroid: what the restarts maximise. */
  totalSimilarity: number;
  iterations: number;
}

const normaliseCentroid = (centroids: Float64Array, offset: number, dimensions: number): boolean => {
  let squares = 0;
  for (let j = 0; j < dimensions; j++) squares += (centroids[offset + j] ?? 0) ** 2;
  if (squares === 0) return false;
  const scale = 1 / Math.sqrt(squares);
  for (let j = 0; j < dimensions; j++) centroids[offset + j] = (centroids[offset + j] ?? 0) * scale;
  return true;
};

const copyRow = (matrix: FlatVectors, row: number, centroids: Float64Array, cluster: number): void => {
  const { dimensions } = matrix;
  for (let j = 0; j < dimensions; j++) centroids[cluster * dimensions + j] = matrix.data[row * dimensions + j] ?? 0;
};

/**
 * k-means++ seeding for cosine: for unit vectors the squared Euclidean distance is
 * 2 (1 - cosine), so each next centre is drawn with probability proportional to 1 - (best
 * cosine to the centres so far).
 */
function seedCentroids(matrix: FlatVectors, k: number, random: () => number): Float64Array {
  const { data, rows, dimensions } = matrix;
  const centroids = new Float64Array(k * dimensions);
  const weight = new Float64Array(rows).fill(Infinity);
  let chosen = Math.floor(random() * rows);
  for (let cluster = 0; cluster < k; cluster++) {
    copyRow(matrix, chosen, centroids, cluster);
    if (cluster === k - 1) break;
    let total = 0;
    const centroidOffset = cluster * dimensions;
    for (let row = 0; row < rows; row++) {
      let dot = 0;
      const offset = row * dimensions;
      for (let j = 0; j < dimensions; j++) dot += (data[offset + j] ?? 0) * (centroids[centroidOffset + j] ?? 0);
      const distance = Math.max(0, 1 - dot);
      if (distance < (weight[row] ?? 0)) weight[row] = distance;
      total += weight[row] ?? 0;
    }
    if (total <= 0) {
      // Every row sits on a centre already (duplicates): any row will do.
      chosen = Math.floor(random() * rows);
      continue;
    }
    let target = random() * total;
    chosen = rows - 1;
    for (let row = 0; row < rows; row++) {
      target -= weight[row] ?? 0;
      if (target < 0) {
        chosen = row;
        break;
      }
    }
  }
  return centroids;
}

function lloyd(matrix: FlatVectors, k: number, centroids: Float64Array, maxIterations: number): SphericalKMeansResult {
  const { data, rows, dimensions } = matrix;
  let assignments: Int32Array = new Int32Array(rows).fill(-1);
  let similarity: Float64Array = new Float64Array(rows);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const nearest = nearestCentroids(matrix, centroids, k);
    let changed = false;
    for (let row = 0; row < rows; row++)
      if (nearest.nearest[row] !== assignments[row]) {
        changed = true;
        break;
      }
    assignments = nearest.nearest;
    similarity = nearest.similarity;
    if (!changed) break;
    centroids.fill(0);
    const sizes = new Int32Array(k);
    for (let row = 0; row < rows; row++) {
      const cluster = assignments[row] ?? 0;
      sizes[cluster] = (sizes[cluster] ?? 0) + 1;
      const offset = row * dimensions;
      const centroidOffset = cluster * dimensions;
      for (let j = 0; j < dimensions; j++) centroids[centroidOffset + j] = (centroids[centroidOffset + j] ?? 0) + (data[offset + j] ?? 0);
    }
    for (let cluster = 0; cluster < k; cluster++) {
      if ((sizes[cluster] ?? 0) > 0 && normaliseCentroid(centroids, cluster * dimensions, dimensions)) continue;
      // An emptied cluster restarts on the row its centroid explains worst, so k stays k.
      let worst = 0;
      for (let row = 1; row < rows; row++) if ((similarity[row] ?? 0) < (similarity[worst] ?? 0)) worst = row;
      copyRow(matrix, worst, centroids, cluster);
      similarity[worst] = 1;
    }
  }
  let totalSimilarity = 0;
  for (const value of similarity) totalSimilarity += value;
  return { centroids, assignments, totalSimilarity, iterations };
}

/**
 * Spherical (cosine) k-means with seeded k-means++ starts, best of `restarts`. The rows of
 * `matrix` must be unit vectors (zero rows belong elsewhere: see normalisedRows).
 */
export function sphericalKMeans(
  matrix: FlatVectors,
  k: number,
  { seed, restarts = 3, maxIterations = 50 }: SphericalKMeansOptions,
): SphericalKMeansResult {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  if (matrix.rows < k) throw new RangeError(`${matrix.rows} rows cannot make ${k} clusters`);
  const random = seededRandom(seed);
  const run = (): SphericalKMeansResult => lloyd(matrix, k, seedCentroids(matrix, k, random), maxIterations);
  let best = run();
  for (let restart = 1; restart < restarts; restart++) {
    const result = run();
    if (result.totalSimilarity > best.totalSimilarity) best = result;
  }
  return best;
}
