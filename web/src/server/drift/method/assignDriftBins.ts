import { emptyBin, novelBin, type DriftModel } from "./driftModel";
import { nearestCentroids, type FlatVectors } from "./flatVectors";

export interface DriftBinAssignment {
  /** Bin of every row: its nearest cluster, novel, or empty. */
  bins: Int32Array;
  /** 1 - (max cosine to a centroid) of every row; 1 for zero vectors (cosine 0 with everything). */
  novelty: Float64Array;
  /** Nearest cluster of every row, novel ones included (-1 for zero vectors). */
  nearest: Int32Array;
}

/** Bins of unit rows (zero rows flagged in `zero`) under a fitted model. */
export function assignDriftBins(
  model: Pick<DriftModel, "centroids" | "clusterCount" | "noveltyThreshold">,
  matrix: FlatVectors,
  zero: Uint8Array,
): DriftBinAssignment {
  const { nearest, similarity } = nearestCentroids(matrix, model.centroids, model.clusterCount);
  const bins = new Int32Array(matrix.rows);
  const novelty = new Float64Array(matrix.rows);
  for (let row = 0; row < matrix.rows; row++) {
    if (zero[row] === 1) {
      bins[row] = emptyBin(model);
      novelty[row] = 1;
      nearest[row] = -1;
      continue;
    }
    const distance = 1 - (similarity[row] ?? 0);
    novelty[row] = distance;
    bins[row] = distance > model.noveltyThreshold ? novelBin(model) : (nearest[row] ?? 0);
  }
  return { bins, novelty, nearest };
}

export const binHistogram = (bins: ArrayLike<number>, binCount: number): number[] => {
  const counts = new Array<number>(binCount).fill(0);
  for (let i = 0; i < bins.length; i++) {
    const bin = bins[i] ?? 0;
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return counts;
};
