// The drift page's map: CPU seconds to lay out 2 000 points (1 000 per side) with
// projectForMap's UMAP route (PCA to 30 dimensions, exact neighbours, umap-js), target < 3 s
// on one core, beside PCA alone (the map's fast option) measured in the same run. Two inputs:
// lexstyle vectors of real questions (GSM8K against TruthfulQA and MGSM German) and 512-d
// vectors drawn around 16 seeded centres, the live side with shifted weights and a new centre.
import { readFileSync } from "node:fs";
import path from "node:path";
import { lexstyleEmbedder } from "../src/server/embeddings/lexstyleEmbedder.ts";
import { readGsm8k, readTruthfulQa, sharedDataDir } from "../src/server/evaluation/labelled/sharedData.ts";
import { seededRandom } from "../src/server/stats/seededRandom.ts";
import { projectForMap } from "../src/server/drift/explain/projectForMap.ts";
import type { BenchRow } from "./appServer.ts";

const ROUNDS = 3;
const PER_SIDE = 1_000;
const TARGET_SECONDS = 3;

/** Median CPU seconds (user + system of this process: fair on a shared machine) of one call. */
const medianCpuSeconds = (work: () => unknown): number => {
  work(); // warm-up: JIT
  const seconds = Array.from({ length: ROUNDS }, () => {
    const before = process.cpuUsage();
    work();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1e6;
  }).sort((a, b) => a - b);
  return seconds[Math.floor(ROUNDS / 2)] ?? NaN;
};

/** Points around `centres` (weights per centre), each a centre plus Gaussian noise. */
const clusteredVectors = (
  centres: readonly Float32Array[],
  weights: readonly number[],
  count: number,
  random: () => number,
): Float32Array[] => {
  const gaussian = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return Array.from({ length: count }, () => {
    let pick = random() * total;
    const centre = centres.find((_, index) => (pick -= weights[index] ?? 0) < 0) ?? centres[0] ?? new Float32Array(0);
    return centre.map((value) => value + 0.6 * gaussian());
  });
};

const structuredSides = (dimensions: number): [Float32Array[], Float32Array[]] => {
  const random = seededRandom(512);
  const centres = Array.from({ length: 17 }, () => Float32Array.from({ length: dimensions }, () => random() * 2 - 1));
  const baselineWeights = centres.map((_, index) => (index < 16 ? 1 : 0));
  const liveWeights = centres.map((_, index) => (index < 8 ? 1 : index < 16 ? 0.5 : 3));
  return [clusteredVectors(centres, baselineWeights, PER_SIDE, random), clusteredVectors(centres, liveWeights, PER_SIDE, random)];
};

const mgsmGerman = (): string[] =>
  readFileSync(path.join(sharedDataDir(), "mgsm_de.tsv"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => line.split("\t")[0] ?? "");

const row = (name: string, baseline: Float32Array[], live: Float32Array[]): BenchRow => {
  const pca = medianCpuSeconds(() => projectForMap(baseline, live, { seed: 1, method: "pca" }));
  const umap = medianCpuSeconds(() => projectForMap(baseline, live, { seed: 1 }));
  return {
    name: `drift map of ${baseline.length + live.length} ${name}, CPU s per projection (median of ${ROUNDS})`,
    baseline: `PCA alone ${pca.toFixed(2)} s`,
    measured: `UMAP route ${umap.toFixed(2)} s`,
    ratio: (umap / pca).toFixed(1),
    target: `< ${TARGET_SECONDS} s`,
    met: umap < TARGET_SECONDS,
  };
};

export async function benchDriftProjection(): Promise<BenchRow[]> {
  const golden = readGsm8k()
    .slice(0, PER_SIDE)
    .map((entry) => entry.question);
  const window = [...readTruthfulQa().map((entry) => entry.question), ...mgsmGerman()].slice(0, PER_SIDE);
  const [baseline, live] = await Promise.all([lexstyleEmbedder.embed(golden), lexstyleEmbedder.embed(window)]);
  const [structuredBaseline, structuredLive] = structuredSides(512);
  return [
    row("lexstyle vectors (384-d, GSM8K against TruthfulQA and MGSM German)", baseline, live),
    row("512-d clustered vectors (16 centres, live re-weighted plus a new one)", structuredBaseline, structuredLive),
  ];
}
