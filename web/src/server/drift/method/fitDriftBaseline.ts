import { seededRandom } from "../../stats/seededRandom";
import { assignDriftBins, binHistogram } from "./assignDriftBins";
import { driftBins, type DriftModel } from "./driftModel";
import { normalisedRows, selectRows } from "./flatVectors";
import { percentile } from "./percentile";
import { shuffledIndexes } from "./shuffleFirst";
import { sphericalKMeans } from "./sphericalKMeans";

/**
 * The smallest baseline fitted. Half of it fits the centroids and the other half is the
 * reference histogram; below 100 held-out points the 95th-percentile novelty threshold rests
 * on fewer than five points and a window's p-value mostly measures the reference's own noise.
 */
export const MIN_BASELINE_POINTS = 200;
export const DEFAULT_CLUSTERS = 16;
const NOVELTY_PERCENTILE = 95;

const splitSizes = (pointCount: number): { fit: number; heldOut: number } => {
  const fit = Math.floor(pointCount / 2);
  return { fit, heldOut: pointCount - fit };
};

/** k = 16, fewer (>= 4, about 50 held-out points per cluster) when the held-out half is under 800. */
export const defaultClusterCount = (heldOutCount: number): number =>
  heldOutCount >= 800 ? DEFAULT_CLUSTERS : Math.min(DEFAULT_CLUSTERS, Math.max(4, Math.floor(heldOutCount / 50)));

/** Null when a baseline of `pointCount` vectors can be fitted (with `clusters` clusters), else why not, for a person. */
export function driftBaselineProblem(pointCount: number, clusters?: number): string | null {
  if (clusters !== undefined && (!Number.isInteger(clusters) || clusters < 2))
    return `A baseline needs at least 2 clusters (a whole number); ${clusters} was asked for.`;
  if (pointCount < MIN_BASELINE_POINTS)
    return `A baseline needs at least ${MIN_BASELINE_POINTS} prompts and this one has ${pointCount}: half of them place the clusters and the other half is the reference the live traffic is compared with, so fewer would make every comparison mostly noise.`;
  const { fit } = splitSizes(pointCount);
  if (clusters !== undefined && fit < clusters)
    return `A baseline of ${pointCount} prompts is too small for ${clusters} clusters: the half used to place the clusters has ${fit} prompts, fewer than the clusters.`;
  return null;
}

/**
 * Fits a drift baseline (shared/reference/drift.md, "The method"): unit vectors, a seeded
 * 50/50 split, spherical k-means++ on one half, and the novelty threshold and reference
 * histogram from the other half, since fitting and histogramming the same points inflates
 * false alarms. Throws a RangeError with driftBaselineProblem's sentence when it cannot fit.
 */
export function fitDriftBaseline(vectors: readonly Float32Array[], { seed, clusters }: { seed: number; clusters?: number }): DriftModel {
  const problem = driftBaselineProblem(vectors.length, clusters);
  if (problem !== null) throw new RangeError(problem);
  const dimensions = vectors[0]?.length ?? 0;
  const { matrix, zero } = normalisedRows(vectors, dimensions);
  const random = seededRandom(seed);
  const order = shuffledIndexes(vectors.length, random);
  const sizes = splitSizes(vectors.length);
  const clusterCount = clusters ?? defaultClusterCount(sizes.heldOut);
  const fitRows = order.subarray(0, sizes.fit).filter((row) => zero[row] !== 1);
  if (fitRows.length < clusterCount)
    throw new RangeError(
      `Only ${fitRows.length} prompts of the half used to place the clusters have any content (an embedding that is not all zeros), fewer than the ${clusterCount} clusters.`,
    );
  const { centroids } = sphericalKMeans(selectRows(matrix, fitRows), clusterCount, {
    seed: Math.floor(random() * 2 ** 32),
  });

  const heldOutRows = order.subarray(sizes.fit);
  const heldOutZero = Uint8Array.from(heldOutRows, (row) => zero[row] ?? 0);
  const heldOut = selectRows(matrix, heldOutRows);
  const assignment = assignDriftBins({ centroids, clusterCount, noveltyThreshold: Infinity }, heldOut, heldOutZero);
  const contentNovelty = assignment.novelty.filter((_, i) => heldOutZero[i] !== 1);
  const noveltyThreshold = contentNovelty.length > 0 ? percentile(contentNovelty, NOVELTY_PERCENTILE) : 0;
  const { bins } = assignDriftBins({ centroids, clusterCount, noveltyThreshold }, heldOut, heldOutZero);
  return {
    dimensions,
    clusterCount,
    centroids,
    noveltyThreshold,
    bins: driftBins(clusterCount),
    referenceCounts: binHistogram(bins, clusterCount + 2),
    heldOut: Array.from(heldOutRows, (index, i) => ({ index, bin: bins[i] ?? 0 })),
    pointCount: vectors.length,
    seed,
  };
}
