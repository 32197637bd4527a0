import type { Matrix } from "./principalComponents";

export interface NearestNeighbours {
  /** Per row, the `count` nearest rows, nearest first, the row itself first of all (as UMAP expects). */
  indices: number[][];
  /** Their Euclidean distances, in the same order. */
  distances: number[][];
}

/**
 * Exact k nearest neighbours by Euclidean distance: for the few thousand points of a map,
 * after PCA to a few dozen dimensions, exact search is faster than building an index.
 */
export const nearestNeighbours = (data: Matrix, count: number): NearestNeighbours => {
  const { rows, columns, values } = data;
  const indices: number[][] = [];
  const distances: number[][] = [];
  const size = Math.min(count, rows);
  const squared = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    // Row by row, so memory stays linear in the number of points.
    const row = values.subarray(i * columns, (i + 1) * columns);
    for (let j = 0, other = 0; j < rows; j++, other += columns) {
      let sum = 0;
      for (let c = 0; c < columns; c++) {
        const difference = (row[c] ?? 0) - (values[other + c] ?? 0);
        sum += difference * difference;
      }
      squared[j] = sum;
    }
    // Insertion into a short sorted list: `size` is ~15, far below the row count.
    const nearest: number[] = [i];
    const nearestDistance: number[] = [0];
    for (let j = 0; j < rows; j++) {
      if (j === i) continue;
      const distance = squared[j] ?? 0;
      if (nearest.length === size && distance >= (nearestDistance[size - 1] ?? 0)) continue;
      let at = nearest.length;
      while (at > 1 && (nearestDistance[at - 1] ?? 0) > distance) at--;
      nearest.splice(at, 0, j);
      nearestDistance.splice(at, 0, distance);
      if (nearest.length > size) {
        nearest.pop();
        nearestDistance.pop();
      }
    }
    indices.push(nearest);
    distances.push(nearestDistance.map(Math.sqrt));
  }
  return { indices, distances };
};
