import { describe, expect, it } from "vitest";
import { emptyBin, novelBin } from "./driftModel";
import { fitDriftBaseline } from "./fitDriftBaseline";
import { jensenShannonDistance } from "./jensenShannon";
import { smoothedKlDivergence } from "./klDivergence";
import { scoreDriftWindow } from "./scoreDriftWindow";
import { structuredVectors } from "./structuredVectors";
import { typicalMembers } from "./typicalMembers";

const DIMENSIONS = 24;
const topics = { topicSeed: 7, topics: 10 };
const golden = structuredVectors(1200, DIMENSIONS, { seed: 1, ...topics });
const model = fitDriftBaseline(golden, { seed: 3 });
const heldOut = model.heldOut.map((point) => golden[point.index] ?? new Float32Array(DIMENSIONS));
const quiet = structuredVectors(400, DIMENSIONS, { seed: 2, ...topics });
// Three topics take most of the traffic: the histogram moves.
const shifted = structuredVectors(400, DIMENSIONS, { seed: 2, ...topics, weights: [6, 6, 6, 1, 1, 1, 1, 1, 1, 1] });

describe("scoreDriftWindow", () => {
  const calm = scoreDriftWindow(model, heldOut, quiet, { seed: 5 });
  const drifted = scoreDriftWindow(model, heldOut, shifted, { seed: 5 });

  it("reports the histogram figures of the window against the reference", () => {
    expect(calm.liveCount).toBe(400);
    expect(calm.referenceCount).toBe(600);
    expect(calm.liveCounts.reduce((a, b) => a + b, 0)).toBe(400);
    expect(calm.jsDistance).toBeCloseTo(jensenShannonDistance(model.referenceCounts, calm.liveCounts), 14);
    expect(calm.klDivergence).toBeCloseTo(smoothedKlDivergence(calm.liveCounts, model.referenceCounts), 14);
    expect(calm.novelShare).toBe((calm.liveCounts[novelBin(model)] ?? 0) / 400);
    expect(calm.permutations).toBe(1000);
  });

  it("stays quiet on a window from the baseline's own distribution", () => {
    expect(calm.pValue).toBeGreaterThan(0.05);
    expect(calm.centroidPValue).toBeGreaterThan(0.05);
    // The plug-in distance is biased upward on small samples; the corrected one is not.
    expect(calm.jsDistanceCorrected).toBeLessThan(calm.jsDistance / 2);
    expect(calm.novelShare).toBeLessThan(0.1);
  });

  it("flags a window whose topic mix moved, with the moved clusters first", () => {
    expect(drifted.pValue).toBeCloseTo(1 / 1001, 12);
    expect(drifted.gTestPValue).toBeLessThan(1e-6);
    expect(drifted.centroidPValue).toBeLessThan(0.005);
    expect(drifted.jsDistanceCorrected).toBeGreaterThan(0.2);
    const [top] = drifted.movers;
    expect(top?.liveShare).toBeGreaterThan(top?.referenceShare ?? 1);
    const contributions = drifted.movers.map((mover) => mover.contribution);
    expect(contributions).toEqual([...contributions].sort((a, b) => b - a));
    expect(contributions.reduce((a, b) => a + b, 0)).toBeCloseTo(drifted.jsDistance ** 2, 12);
  });

  it("gives every live point its bin and novelty, in input order", () => {
    const blank = scoreDriftWindow(model, heldOut, [new Float32Array(DIMENSIONS), ...quiet.slice(0, 99)], { seed: 5 });
    expect(blank.liveBins).toHaveLength(100);
    expect(blank.liveBins[0]).toBe(emptyBin(model));
    expect(blank.liveNovelty[0]).toBe(1);
    expect(blank.liveBins.slice(1)).toEqual(calm.liveBins.slice(0, 99));
    expect(blank.liveNovelty.slice(1)).toEqual(calm.liveNovelty.slice(0, 99));
  });

  it("is repeatable for a seed", () => {
    expect(scoreDriftWindow(model, heldOut, quiet, { seed: 5 })).toEqual(calm);
  });

  it("reports an empty window without numbers that look meaningful", () => {
    const empty = scoreDriftWindow(model, heldOut, [], { seed: 1 });
    expect(empty).toMatchObject({ liveCount: 0, jsDistance: 0, pValue: 1, centroidPValue: 1, novelShare: 0 });
  });

  it("refuses vectors of another embedder's length, and held-out vectors that are not the baseline's", () => {
    expect(() => scoreDriftWindow(model, heldOut, [new Float32Array(DIMENSIONS + 1)], { seed: 1 })).toThrow(/fitted on 24/);
    expect(() => scoreDriftWindow(model, heldOut.slice(1), quiet, { seed: 1 })).toThrow(/held-out vectors/);
  });
});

describe("typicalMembers", () => {
  it("lists a cluster's points nearest its centroid first", () => {
    const score = scoreDriftWindow(model, heldOut, quiet, { seed: 5 });
    const bin = score.movers.find((mover) => mover.kind.kind === "cluster" && mover.liveShare > 0.05)?.bin ?? 0;
    const typical = typicalMembers(model, quiet, bin, 3);
    expect(typical).toHaveLength(3);
    const novelty = typical.map((index) => score.liveNovelty[index] ?? 1);
    expect(novelty).toEqual([...novelty].sort((a, b) => a - b));
    const members = score.liveBins.flatMap((memberBin, index) => (memberBin === bin ? [score.liveNovelty[index] ?? 1] : []));
    expect(novelty[0]).toBe(Math.min(...members));
  });

  it("lists the novel points farthest from the baseline first", () => {
    const score = scoreDriftWindow(model, heldOut, quiet, { seed: 5 });
    const farthest = typicalMembers(model, quiet, novelBin(model), 2);
    expect(farthest.map((index) => score.liveNovelty[index])).toEqual([
      Math.max(...score.liveNovelty),
      [...score.liveNovelty].sort((a, b) => b - a)[1],
    ]);
  });

  it("refuses a bin the baseline does not have", () => {
    expect(() => typicalMembers(model, quiet, emptyBin(model) + 1, 3)).toThrow(RangeError);
  });
});
