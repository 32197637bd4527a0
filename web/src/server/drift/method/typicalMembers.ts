import { assignDriftBins } from "./assignDriftBins";
import { emptyBin, novelBin, type DriftModel } from "./driftModel";
import { normalisedRows } from "./flatVectors";

/**
 * Indexes of up to `count` points of `bin` that show it best, from points already assigned
 * (a window's score carries its live points' bins and novelty): for a cluster the points
 * nearest its centroid (its "most typical prompts"), for the novel bin the points farthest
 * from every centroid, for the empty bin the first ones.
 */
export function typicalMembersOf(
  model: DriftModel,
  assignment: { bins: ArrayLike<number>; novelty: ArrayLike<number> },
  bin: number,
  count: number,
): number[] {
  if (!Number.isInteger(bin) || bin < 0 || bin > emptyBin(model)) throw new RangeError(`no bin ${bin} in this baseline`);
  const { bins, novelty } = assignment;
  const members: number[] = [];
  for (let index = 0; index < bins.length; index++) if (bins[index] === bin) members.push(index);
  if (bin !== emptyBin(model)) {
    // Within a cluster's bin novelty is 1 - cosine to that cluster's own centroid.
    const farthestFirst = bin === novelBin(model) ? -1 : 1;
    members.sort((a, b) => farthestFirst * ((novelty[a] ?? 0) - (novelty[b] ?? 0)) || a - b);
  }
  return members.slice(0, Math.max(0, count));
}

/** The same for vectors not yet assigned. */
export function typicalMembers(model: DriftModel, vectors: readonly Float32Array[], bin: number, count: number): number[] {
  const { matrix, zero } = normalisedRows(vectors, model.dimensions);
  return typicalMembersOf(model, assignDriftBins(model, matrix, zero), bin, count);
}
