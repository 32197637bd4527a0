// One drift run at the size: 10 000 baseline and 10 000 live vectors of 512 dimensions,
// 1 000 permutations per test. Scoring a window must take < 2 s of one core's CPU time; the
// baseline fit (once per golden version, cached) is reported beside it. The baseline measured
// in the same run is the least any scoring must do: one pass of dot products of every live
// point with every centroid.
import { fitDriftBaseline } from "../src/server/drift/method/fitDriftBaseline.ts";
import { scoreDriftWindow } from "../src/server/drift/method/scoreDriftWindow.ts";
import { structuredVectors } from "../src/server/drift/method/structuredVectors.ts";
import type { BenchRow } from "./appServer.ts";

const DIMENSIONS = 512;
const POINTS = 10_000;
const TOPICS = 24;

const cpuSeconds = <T>(work: () => T): { result: T; seconds: number } => {
  const before = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(before);
  return { result, seconds: (used.user + used.system) / 1e6 };
};

/** The plain loop, written apart from the code measured so that tuning it does not move the baseline. */
const plainDotProducts = (vectors: readonly Float32Array[], centroids: Float64Array, clusterCount: number): Float64Array => {
  const dots = new Float64Array(vectors.length * clusterCount);
  vectors.forEach((vector, row) => {
    for (let cluster = 0; cluster < clusterCount; cluster++) {
      let dot = 0;
      for (let j = 0; j < DIMENSIONS; j++) dot += (vector[j] ?? 0) * (centroids[cluster * DIMENSIONS + j] ?? 0);
      dots[row * clusterCount + cluster] = dot;
    }
  });
  return dots;
};

export function benchDriftRun(): Promise<BenchRow[]> {
  const topics = { topicSeed: 11, topics: TOPICS };
  const golden = structuredVectors(POINTS, DIMENSIONS, { seed: 1, ...topics });
  // Live traffic leans on a few topics: a drifted window, as a page would be asked to explain.
  const weights = Array.from({ length: TOPICS }, (_, topic) => (topic < 4 ? 3 : 1));
  const live = structuredVectors(POINTS, DIMENSIONS, { seed: 2, ...topics, weights });

  // Warm-up on a small baseline, so the figures measure the work and not the JIT.
  const small = fitDriftBaseline(golden.slice(0, 600), { seed: 9 });
  scoreDriftWindow(
    small,
    small.heldOut.map((point) => golden[point.index] ?? new Float32Array(DIMENSIONS)),
    live.slice(0, 300),
    { seed: 9 },
  );

  const fit = cpuSeconds(() => fitDriftBaseline(golden, { seed: 3 }));
  const model = fit.result;
  const heldOut = model.heldOut.map((point) => golden[point.index] ?? new Float32Array(DIMENSIONS));
  const onePass = cpuSeconds(() => plainDotProducts(live, model.centroids, model.clusterCount));
  const score = cpuSeconds(() => scoreDriftWindow(model, heldOut, live, { seed: 4 }));
  const figures = `JS ${score.result.jsDistance.toFixed(3)}, p ${score.result.pValue.toFixed(4)}, centroid p ${score.result.centroidPValue.toFixed(4)}`;
  return Promise.resolve([
    {
      name: `drift-run: score a window of ${POINTS.toLocaleString("en")} live vectors against a ${POINTS.toLocaleString("en")}-vector baseline (${DIMENSIONS}-d, k = ${model.clusterCount}, 1 000 permutations per test; ${figures}), CPU`,
      baseline: `live x centroid dot products ${onePass.seconds.toFixed(3)} s`,
      measured: `${score.seconds.toFixed(3)} s`,
      ratio: (score.seconds / onePass.seconds).toFixed(1),
      target: "< 2 s",
      met: score.seconds < 2,
    },
    {
      name: `drift-run: fit the baseline (${POINTS.toLocaleString("en")} x ${DIMENSIONS}, spherical k-means on half, 3 restarts), CPU`,
      baseline: `live x centroid dot products ${onePass.seconds.toFixed(3)} s`,
      measured: `${fit.seconds.toFixed(3)} s`,
      ratio: (fit.seconds / onePass.seconds).toFixed(1),
      target: "—",
      met: null,
    },
  ]);
}
