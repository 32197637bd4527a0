import { seededRandom } from "../../stats/seededRandom";
import { assignDriftBins, binHistogram } from "./assignDriftBins";
import { novelBin, type DriftBin, type DriftModel } from "./driftModel";
import { normalisedRows, selectRows, type FlatVectors } from "./flatVectors";
import { gTest } from "./gTest";
import { jensenShannonDistance, jensenShannonTerms } from "./jensenShannon";
import { smoothedKlDivergence } from "./klDivergence";
import { histogramPermutationTest, meanDistancePermutationTest } from "./permutationTests";
import { shuffleFirst } from "./shuffleFirst";

export interface DriftScoreOptions {
  seed: number;
  /** Permutations of each test (>= 1 000 by the method: p-values resolve to 1 / (B + 1)). */
  permutations?: number;
  /** Rows per side for the mean-vector test, a seeded subsample when a side has more. */
  centroidRows?: number;
}

/** One bin of the comparison, for "which clusters grew or shrank". */
export interface DriftMover {
  bin: number;
  kind: DriftBin;
  referenceShare: number;
  liveShare: number;
  /** This bin's part of the JS divergence (bits); the parts add up to the divergence. */
  contribution: number;
}

export interface DriftWindowScore {
  liveCount: number;
  /** Points in the reference histogram (the held-out half of the baseline). */
  referenceCount: number;
  /** Histogram of the window over the model's bins. */
  liveCounts: number[];
  /** JS distance (base 2, [0, 1]) between the reference and live histograms: the headline. */
  jsDistance: number;
  /** sqrt(max(0, JS divergence - its mean under permutation)): the plug-in distance without its small-sample bias. */
  jsDistanceCorrected: number;
  /** KL(live || reference) in bits with additive smoothing 0.5. */
  klDivergence: number;
  /** Share of the window in the novel bin (~5 % when nothing is new). */
  novelShare: number;
  /** Permutation p-value of the histogram difference (JS divergence as the statistic). */
  pValue: number;
  /** The G-test's chi-square p-value: the analytic twin of pValue, finer in the far tail. */
  gTestPValue: number;
  /** Euclidean distance between the mean unit vectors of reference and window. */
  centroidDistance: number;
  /** Permutation p-value of centroidDistance: catches diffuse shifts the histogram misses. */
  centroidPValue: number;
  permutations: number;
  /** Bin of every live point, in input order. */
  liveBins: number[];
  /** 1 - (max cosine to a centroid) of every live point, in input order (1 for zero vectors). */
  liveNovelty: number[];
  /** Every bin, the largest contribution first. */
  movers: DriftMover[];
}

const subsampleRows = (rows: number, limit: number, random: () => number): Int32Array => {
  const order = Int32Array.from({ length: rows }, (_, i) => i);
  return rows <= limit ? order : shuffleFirst(order, limit, random).slice(0, limit);
};

const stack = (top: FlatVectors, bottom: FlatVectors): FlatVectors => {
  const data = new Float32Array(top.data.length + bottom.data.length);
  data.set(top.data);
  data.set(bottom.data, top.data.length);
  return { data, rows: top.rows + bottom.rows, dimensions: top.dimensions };
};

const checkDimensions = (model: DriftModel, vectors: readonly Float32Array[], what: string): void => {
  const wrong = vectors.find((vector) => vector.length !== model.dimensions);
  if (wrong !== undefined)
    throw new RangeError(`${what} has a vector of ${wrong.length} dimensions; the baseline was fitted on ${model.dimensions}`);
};

/**
 * Compares one window of live vectors with a fitted baseline (shared/reference/drift.md,
 * "The method"): histogram distances, the permutation p-value and bias correction, the
 * mean-vector test, and per point and per bin what moved. `heldOutVectors` are the vectors
 * of model.heldOut, in that order. With no live points every figure is 0 and both p-values 1.
 */
export function scoreDriftWindow(
  model: DriftModel,
  heldOutVectors: readonly Float32Array[],
  liveVectors: readonly Float32Array[],
  { seed, permutations = 1000, centroidRows = 2000 }: DriftScoreOptions,
): DriftWindowScore {
  if (heldOutVectors.length !== model.heldOut.length)
    throw new RangeError(`expected the ${model.heldOut.length} held-out vectors of the baseline, got ${heldOutVectors.length}`);
  checkDimensions(model, heldOutVectors, "the baseline");
  checkDimensions(model, liveVectors, "the window");
  const live = normalisedRows(liveVectors, model.dimensions);
  const assignment = assignDriftBins(model, live.matrix, live.zero);
  const binCount = model.bins.length;
  const liveCounts = binHistogram(assignment.bins, binCount);
  const { referenceCounts } = model;
  const liveCount = liveVectors.length;
  const referenceCount = model.heldOut.length;
  const terms = jensenShannonTerms(referenceCounts, liveCounts);
  const movers = model.bins
    .map((kind, bin) => ({
      bin,
      kind,
      referenceShare: (referenceCounts[bin] ?? 0) / referenceCount,
      liveShare: liveCount > 0 ? (liveCounts[bin] ?? 0) / liveCount : 0,
      contribution: liveCount > 0 ? (terms[bin] ?? 0) / Math.LN2 : 0,
    }))
    .sort((a, b) => b.contribution - a.contribution || a.bin - b.bin);
  const perPoint = { liveBins: Array.from(assignment.bins), liveNovelty: Array.from(assignment.novelty), movers };
  if (liveCount === 0)
    return {
      liveCount,
      referenceCount,
      liveCounts,
      jsDistance: 0,
      jsDistanceCorrected: 0,
      klDivergence: 0,
      novelShare: 0,
      pValue: 1,
      gTestPValue: 1,
      centroidDistance: 0,
      centroidPValue: 1,
      permutations: 0,
      ...perPoint,
    };

  // Separate streams, so the subsample size of one test never changes the other's p-value.
  const histogram = histogramPermutationTest(referenceCounts, liveCounts, permutations, seededRandom(seed));
  const sampleRandom = seededRandom(seed ^ 0x5bd1e995);
  const reference = normalisedRows(heldOutVectors, model.dimensions).matrix;
  const pooled = stack(
    selectRows(reference, subsampleRows(reference.rows, centroidRows, sampleRandom)),
    selectRows(live.matrix, subsampleRows(live.matrix.rows, centroidRows, sampleRandom)),
  );
  const centroid = meanDistancePermutationTest(pooled, Math.min(reference.rows, centroidRows), permutations, sampleRandom);
  return {
    liveCount,
    referenceCount,
    liveCounts,
    jsDistance: jensenShannonDistance(referenceCounts, liveCounts),
    jsDistanceCorrected: Math.sqrt(Math.max(0, histogram.observed - histogram.permutedMean)),
    klDivergence: smoothedKlDivergence(liveCounts, referenceCounts),
    novelShare: (liveCounts[novelBin(model)] ?? 0) / liveCount,
    pValue: histogram.pValue,
    gTestPValue: gTest(referenceCounts, liveCounts).pValue,
    centroidDistance: centroid.observed,
    centroidPValue: centroid.pValue,
    permutations,
    ...perPoint,
  };
}
