import { assignDriftBins } from "./assignDriftBins";
import { emptyBin, novelBin, type DriftModel } from "./driftModel";
import { normalisedRows } from "./flatVectors";

/**
 * Indexes (into `vectors`) of up to `count` points of `bin` that show it best: for a cluster
 * the points nearest its centroid (its "most typical prompts"), for the novel bin the points
 * farthest from every centroid, for the empty bin the first ones.
 */
export function typicalMembers(model: DriftModel, vectors: readonly Float32Array[], bin: number, count: number): number[] {
  if (!Number.isInteger(bin) || bin < 0 || bin > emptyBin(model)) throw new RangeError(`no bin ${bin} in this baseline`);
  const { matrix, zero } = normalisedRows(vectors, model.dimensions);
  const { bins, novelty } = assignDriftBins(model, matrix, zero);
  const members = Array.from(bins.keys()).filter((index) => bins[index] === bin);
  if (bin !== emptyBin(model)) {
    // Within a cluster's bin novelty is 1 - cosine to that cluster's own centroid.
    const farthestFirst = bin === novelBin(model) ? -1 : 1;
    members.sort((a, b) => farthestFirst * ((novelty[a] ?? 0) - (novelty[b] ?? 0)) || a - b);
  }
  return members.slice(0, Math.max(0, count));
}
