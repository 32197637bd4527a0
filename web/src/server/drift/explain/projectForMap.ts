// The drift page's map: baseline and live vectors in one 2-D picture, so a person sees a
// live window move away from the golden set. PCA to a few dozen dimensions, exact nearest
// neighbours there, then UMAP (umap-js, seeded) lays the neighbourhoods out: chosen by
// measurement over PCA alone, which separates a topic switch less clearly (see
// web/bench/driftProjection.ts for the timings, target < 3 s for 2 000 points).
import { UMAP } from "umap-js";
import { seededRandom } from "../../stats/seededRandom";
import { nearestNeighbours } from "./nearestNeighbours";
import { principalComponents, type Matrix } from "./principalComponents";

export type MapSide = "baseline" | "live";

export interface MapPoint {
  /** In [-1, 1]; both axes share one scale so distances read the same across and up. */
  x: number;
  y: number;
  side: MapSide;
  /** Position of the vector in the input array of its side. */
  index: number;
}

export interface DriftMap {
  points: MapPoint[];
}

export interface ProjectForMapOptions {
  seed: number;
  /** At most this many points per side, drawn at random (seeded). */
  perSide?: number;
  /** "umap" (default) or "pca" (the first two principal components only: faster, coarser). */
  method?: "umap" | "pca";
}

// Measured on 1 000 GSM8K against 1 000 TruthfulQA questions (lexstyle): PCA to 30 dimensions
// with one power iteration and 150 epochs (umap-js's default is 500) keep the two apart
// (silhouette 0.65, 98 % of each point's ten nearest neighbours on its own side; PCA alone
// 0.52) in about two CPU-seconds; 50 dimensions and 200 epochs reach 0.68 but over 3 s.
const PCA_DIMENSIONS = 30;
const PCA_ITERATIONS = 1;
// The PCA-only map shows the first two components themselves: worth a few more (cheap) iterations.
const PCA_MAP_ITERATIONS = 4;
const NEIGHBOURS = 15;
const EPOCHS = 150;

/** `count` distinct indices of [0, size) in random order (partial Fisher-Yates), or all of them in order. */
export const sampleIndices = (size: number, count: number, random: () => number): number[] => {
  const all = Array.from({ length: size }, (_, index) => index);
  if (count >= size) return all;
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (size - i));
    [all[i], all[j]] = [all[j] ?? j, all[i] ?? i];
  }
  return all.slice(0, count).sort((a, b) => a - b);
};

/** Rows scaled to unit length: the detector compares directions (cosine), so the map does too. */
const unitRows = (vectors: readonly Float32Array[], columns: number): Matrix => {
  const values = new Float64Array(vectors.length * columns);
  vectors.forEach((vector, row) => {
    let norm = 0;
    for (let j = 0; j < columns; j++) norm += (vector[j] ?? 0) ** 2;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let j = 0; j < columns; j++) values[row * columns + j] = (vector[j] ?? 0) / norm;
  });
  return { rows: vectors.length, columns, values };
};

/** Centres the layout and scales its longer extent to [-1, 1], keeping the aspect ratio. */
const scaleToUnitSquare = (coordinates: readonly (readonly [number, number])[]): [number, number][] => {
  const xs = coordinates.map(([x]) => x);
  const ys = coordinates.map(([, y]) => y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const half = Math.max(maxX - minX, maxY - minY) / 2;
  const [midX, midY] = [(minX + maxX) / 2, (minY + maxY) / 2];
  return coordinates.map(([x, y]) => (half > 0 ? [(x - midX) / half, (y - midY) / half] : [0, 0]));
};

const layout = (data: Matrix, method: "umap" | "pca", random: () => number): (readonly [number, number])[] => {
  const reduced =
    method === "pca"
      ? principalComponents(data, 2, random, { iterations: PCA_MAP_ITERATIONS })
      : principalComponents(data, PCA_DIMENSIONS, random, { iterations: PCA_ITERATIONS });
  const row = (i: number): number[] => Array.from(reduced.values.subarray(i * reduced.columns, (i + 1) * reduced.columns));
  // UMAP needs more points than neighbours; below that a handful of points reads fine on PCA.
  if (method === "pca" || data.rows <= NEIGHBOURS * 2)
    return Array.from({ length: data.rows }, (_, i) => {
      const [x = 0, y = 0] = row(i);
      return [x, y] as const;
    });
  const { indices, distances } = nearestNeighbours(reduced, NEIGHBOURS);
  const umap = new UMAP({ nComponents: 2, nNeighbors: NEIGHBOURS, nEpochs: EPOCHS, random });
  umap.setPrecomputedKNN(indices, distances);
  return umap.fit(Array.from({ length: data.rows }, (_, i) => row(i))).map(([x = 0, y = 0]) => [x, y] as const);
};

/**
 * A seeded sample of at most `perSide` vectors of each side laid out in 2-D, coordinates in
 * [-1, 1]. The same inputs and seed always give the same map.
 */
export const projectForMap = (
  baseline: readonly Float32Array[],
  live: readonly Float32Array[],
  { seed, perSide = 1000, method = "umap" }: ProjectForMapOptions,
): DriftMap => {
  const random = seededRandom(seed);
  const chosen = [
    ...sampleIndices(baseline.length, perSide, random).map((index) => ({ side: "baseline" as const, index, vector: baseline[index] })),
    ...sampleIndices(live.length, perSide, random).map((index) => ({ side: "live" as const, index, vector: live[index] })),
  ];
  if (chosen.length === 0) return { points: [] };
  const vectors = chosen.map(({ vector }) => vector ?? new Float32Array(0));
  const columns = vectors[0]?.length ?? 0;
  // Vectors of two embedders never share a space (the detector refuses them too).
  if (vectors.some((vector) => vector.length !== columns)) throw new RangeError("projectForMap: the vectors differ in dimensions");
  const coordinates = scaleToUnitSquare(layout(unitRows(vectors, columns), method, random));
  return {
    points: chosen.map(({ side, index }, i) => {
      const [x = 0, y = 0] = coordinates[i] ?? [];
      return { x, y, side, index };
    }),
  };
};
