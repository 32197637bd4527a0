import { describe, expect, it } from "vitest";
import { lexstyleEmbedder } from "../../embeddings/lexstyleEmbedder";
import fixture from "./explainFixture.json";
import { projectForMap, sampleIndices, type MapPoint } from "./projectForMap";

/** Mean silhouette of the two sides in 2-D: near 1 when apart, near 0 when mixed. */
const silhouette = (points: readonly MapPoint[]): number => {
  const scores = points.map((point) => {
    const sums = { baseline: 0, live: 0 };
    const counts = { baseline: 0, live: 0 };
    for (const other of points) {
      if (other === point) continue;
      sums[other.side] += Math.hypot(point.x - other.x, point.y - other.y);
      counts[other.side]++;
    }
    const own = sums[point.side] / counts[point.side];
    const otherSide = point.side === "baseline" ? "live" : "baseline";
    const across = sums[otherSide] / counts[otherSide];
    return (across - own) / Math.max(own, across);
  });
  return scores.reduce((sum, score) => sum + score, 0) / scores.length;
};

const math = await lexstyleEmbedder.embed(fixture.texts.gsm8k);
const trivia = await lexstyleEmbedder.embed(fixture.texts.truthfulqa);

describe("projectForMap", () => {
  it("lays a topic switch out as two groups apart (GSM8K against TruthfulQA questions)", () => {
    const map = projectForMap(math, trivia, { seed: 1 });
    expect(map.points).toHaveLength(200);
    expect(silhouette(map.points)).toBeGreaterThan(0.3);
  });

  it("mixes two halves of the same source", () => {
    const map = projectForMap(math.slice(0, 50), math.slice(50), { seed: 1 });
    expect(Math.abs(silhouette(map.points))).toBeLessThan(0.1);
  });

  it("separates the topic switch with PCA alone too", () => {
    expect(silhouette(projectForMap(math, trivia, { seed: 1, method: "pca" }).points)).toBeGreaterThan(0.3);
  });

  it("draws the same map for the same seed, and another for another seed", () => {
    const first = projectForMap(math, trivia, { seed: 7, perSide: 60 });
    expect(projectForMap(math, trivia, { seed: 7, perSide: 60 })).toEqual(first);
    expect(projectForMap(math, trivia, { seed: 8, perSide: 60 })).not.toEqual(first);
  });

  it("samples at most perSide points per side, each naming its position in the input", () => {
    const { points } = projectForMap(math, trivia.slice(0, 30), { seed: 3, perSide: 40 });
    const baseline = points.filter((point) => point.side === "baseline");
    const live = points.filter((point) => point.side === "live");
    expect(baseline).toHaveLength(40);
    expect(live.map((point) => point.index)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(new Set(baseline.map((point) => point.index)).size).toBe(40);
    expect(baseline.every((point) => point.index >= 0 && point.index < math.length)).toBe(true);
  });

  it("scales coordinates to [-1, 1], the longer extent touching both ends", () => {
    const { points } = projectForMap(math, trivia, { seed: 2, perSide: 50 });
    const coordinates = points.flatMap((point) => [point.x, point.y]);
    expect(Math.max(...coordinates.map(Math.abs))).toBeCloseTo(1, 12);
    expect(coordinates.every((value) => value >= -1 && value <= 1)).toBe(true);
  });

  it("handles windows too small for UMAP, and empty ones", () => {
    expect(projectForMap(math.slice(0, 3), trivia.slice(0, 2), { seed: 1 }).points).toHaveLength(5);
    expect(projectForMap([], [], { seed: 1 }).points).toEqual([]);
  });

  it("refuses vectors of different dimensions", () => {
    expect(() => projectForMap([new Float32Array(3)], [new Float32Array(4)], { seed: 1 })).toThrow(RangeError);
  });
});

describe("sampleIndices", () => {
  it("draws distinct indices, sorted, or all of them when there are few", () => {
    let state = 0;
    const random = () => (state = (state * 7 + 3) % 11) / 11;
    const drawn = sampleIndices(20, 5, random);
    expect(new Set(drawn).size).toBe(5);
    expect([...drawn].sort((a, b) => a - b)).toEqual(drawn);
    expect(sampleIndices(3, 5, random)).toEqual([0, 1, 2]);
  });
});
