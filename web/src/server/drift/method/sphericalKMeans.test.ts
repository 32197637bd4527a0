import { describe, expect, it } from "vitest";
import { normalisedRows } from "./flatVectors";
import { sphericalKMeans } from "./sphericalKMeans";
import { structuredVectors, topicDirections } from "./structuredVectors";

const cosine = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let dot = 0;
  for (let j = 0; j < a.length; j++) dot += (a[j] ?? 0) * (b[j] ?? 0);
  return dot;
};

describe("sphericalKMeans", () => {
  // Six well separated topics: every clustering worth the name puts each topic in its own cluster.
  const vectors = structuredVectors(600, 32, { seed: 1, topicSeed: 2, topics: 6, noise: 0.3 });
  const { matrix } = normalisedRows(vectors, 32);
  const directions = topicDirections(32, 2, 6);
  const topicOf = (row: number): number => {
    const vector = vectors[row] ?? new Float32Array(32);
    const scores = directions.map((topic) => cosine(topic, vector));
    return scores.indexOf(Math.max(...scores));
  };

  it("recovers well separated topics, one cluster each", () => {
    const result = sphericalKMeans(matrix, 6, { seed: 5 });
    const pairs = new Set(Array.from(result.assignments, (cluster, row) => `${cluster}:${topicOf(row)}`));
    expect(pairs.size).toBe(6);
  });

  it("returns unit centroids, each the direction of its members' mean", () => {
    const result = sphericalKMeans(matrix, 6, { seed: 5 });
    for (let cluster = 0; cluster < 6; cluster++) {
      const centroid = result.centroids.subarray(cluster * 32, (cluster + 1) * 32);
      expect(cosine(centroid, centroid)).toBeCloseTo(1, 10);
      const mean = new Float64Array(32);
      result.assignments.forEach((assigned, row) => {
        if (assigned === cluster) for (let j = 0; j < 32; j++) mean[j] = (mean[j] ?? 0) + (matrix.data[row * 32 + j] ?? 0);
      });
      expect(cosine(centroid, mean) / Math.sqrt(cosine(mean, mean))).toBeCloseTo(1, 6);
    }
  });

  it("is repeatable for a seed, and keeps the best of its restarts", () => {
    const once = sphericalKMeans(matrix, 4, { seed: 8, restarts: 1 });
    const again = sphericalKMeans(matrix, 4, { seed: 8, restarts: 1 });
    expect(Array.from(again.assignments)).toEqual(Array.from(once.assignments));
    const best = sphericalKMeans(matrix, 4, { seed: 8, restarts: 5 });
    expect(best.totalSimilarity).toBeGreaterThanOrEqual(once.totalSimilarity);
  });

  it("keeps k clusters when points repeat", () => {
    const repeated = normalisedRows(
      Array.from({ length: 20 }, (_, i) => Float32Array.from([i % 2, 1 - (i % 2), 0])),
      3,
    ).matrix;
    const result = sphericalKMeans(repeated, 3, { seed: 1 });
    expect(result.centroids).toHaveLength(9);
    expect(new Set(result.assignments).size).toBeGreaterThanOrEqual(2);
  });

  it("refuses more clusters than rows", () => {
    expect(() => sphericalKMeans(normalisedRows([Float32Array.from([1, 0])], 2).matrix, 2, { seed: 1 })).toThrow(RangeError);
  });
});
