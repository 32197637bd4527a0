import { describe, expect, it } from "vitest";
import { driftModelFromJson, driftModelToJson, emptyBin, novelBin } from "./driftModel";
import { defaultClusterCount, driftBaselineProblem, fitDriftBaseline } from "./fitDriftBaseline";
import { structuredVectors } from "./structuredVectors";

const DIMENSIONS = 24;
const golden = structuredVectors(1000, DIMENSIONS, { seed: 1, topicSeed: 7, topics: 10 });

describe("fitDriftBaseline", () => {
  const model = fitDriftBaseline(golden, { seed: 3 });

  it("fits centroids on one half and histograms the other, disjoint halves covering every point", () => {
    expect(model.heldOut).toHaveLength(500);
    expect(model.referenceCounts.reduce((a, b) => a + b, 0)).toBe(500);
    const indexes = new Set(model.heldOut.map((point) => point.index));
    expect(indexes.size).toBe(500);
    expect(Math.max(...indexes)).toBeLessThan(1000);
    expect(model.pointCount).toBe(1000);
  });

  it("uses about 50 held-out points per cluster below 800 (k = 10 here), 16 from 800 up", () => {
    expect(model.clusterCount).toBe(10);
    expect(model.bins).toHaveLength(12);
    expect(model.bins[novelBin(model)]).toEqual({ kind: "novel" });
    expect(model.bins[emptyBin(model)]).toEqual({ kind: "empty" });
    expect([100, 199, 250, 799, 800, 5000].map(defaultClusterCount)).toEqual([4, 4, 5, 15, 16, 16]);
  });

  it("sends the held-out points beyond the 95th-percentile novelty to the novel bin: 5 % of them", () => {
    expect(model.referenceCounts[novelBin(model)]).toBe(25);
    expect(model.heldOut.filter((point) => point.bin === novelBin(model))).toHaveLength(25);
  });

  it("puts zero vectors in the empty bin and keeps them out of the clusters", () => {
    const withBlanks = golden.map((vector, i) => (i % 10 === 0 ? new Float32Array(DIMENSIONS) : vector));
    const blanks = fitDriftBaseline(withBlanks, { seed: 3 });
    const heldOutBlanks = blanks.heldOut.filter((point) => point.index % 10 === 0);
    expect(heldOutBlanks.length).toBeGreaterThan(0);
    expect(heldOutBlanks.every((point) => point.bin === emptyBin(blanks))).toBe(true);
    expect(blanks.referenceCounts[emptyBin(blanks)]).toBe(heldOutBlanks.length);
  });

  it("is the same model for the same seed, and another split for another seed", () => {
    expect(fitDriftBaseline(golden, { seed: 3 })).toEqual(model);
    expect(fitDriftBaseline(golden, { seed: 4 }).heldOut).not.toEqual(model.heldOut);
  });

  it("takes the number of clusters when given", () => {
    expect(fitDriftBaseline(golden, { seed: 3, clusters: 16 }).clusterCount).toBe(16);
  });

  it("refuses vectors of mixed lengths", () => {
    expect(() => fitDriftBaseline([...golden, new Float32Array(3)], { seed: 1 })).toThrow(/dimensions/);
  });

  it("survives storage: the JSON form parses back to the same model", () => {
    const stored: unknown = JSON.parse(JSON.stringify(driftModelToJson(model)));
    expect(driftModelFromJson(stored)).toEqual(model);
  });

  it("refuses a stored model whose parts do not fit together", () => {
    const stored = driftModelToJson(model);
    expect(() => driftModelFromJson({ ...stored, referenceCounts: stored.referenceCounts.slice(1) })).toThrow(/referenceCounts/);
    expect(() => driftModelFromJson({ ...stored, dimensions: DIMENSIONS + 1 })).toThrow(/centroid/);
    expect(() => driftModelFromJson({ ...stored, version: 2 })).toThrow();
  });
});

describe("driftBaselineProblem", () => {
  it("accepts a baseline of 200 or more points", () => {
    expect(driftBaselineProblem(200)).toBeNull();
    expect(driftBaselineProblem(5000, 16)).toBeNull();
  });

  it("explains a baseline too small to fit", () => {
    expect(driftBaselineProblem(150)).toMatch(/at least 200 prompts and this one has 150/);
    expect(() => fitDriftBaseline(golden.slice(0, 150), { seed: 1 })).toThrow(/at least 200 prompts/);
  });

  it("refuses more clusters than the fitting half has points", () => {
    expect(driftBaselineProblem(300, 160)).toMatch(/too small for 160 clusters.*150 prompts/);
    expect(driftBaselineProblem(300, 1)).toMatch(/at least 2 clusters/);
  });

  it("refuses a baseline whose fitting half is nearly all empty texts", () => {
    const blanks = golden.slice(0, 300).map((vector, i) => (i < 295 ? new Float32Array(DIMENSIONS) : vector));
    expect(() => fitDriftBaseline(blanks, { seed: 2 })).toThrow(/have any content/);
  });
});
