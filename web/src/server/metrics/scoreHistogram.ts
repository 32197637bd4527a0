import { bucketIndex, gamma } from "@/server/metrics/logHistogram";

/**
 * A mergeable histogram of score values, so a rollup can answer "what share scored this
 * bad or worse" for any threshold, not only the one configured when it was built.
 *
 * Bounded scales (numeric configs with a range, booleans as [0, 1]) are cut into 20 equal
 * bins, and the 21 edges between them get slots of their own: slot 2k holds values exactly
 * on edge k, slot 2k + 1 the values strictly between edges k and k + 1. A threshold on an
 * edge (0.2, 0.5, 0.7 on a 0..1 scale; both boolean values) is then exact in either
 * direction ("≤ 0.2" and "≥ 0.2" alike); one inside a bin is interpolated, as if the bin's
 * values were spread evenly. "Exactly on an edge" allows 1e-9 of the range for float noise.
 *
 * Unbounded numeric configs have no range to cut: their values go to signed log buckets
 * (the latency histogram's, mirrored for negative values, 0 alone in bucket 0), so a
 * threshold is read within about 1 % of its value. Categorical scores count categories.
 */
export type ScoreHistogram = Record<string, number>;

export const linearBins = 20;
const edgeTolerance = 1e-9;

/** The scale a config's values are binned on: [min, max], or null for the log scale. */
export interface ScoreScale {
  min: number | null;
  max: number | null;
}

/** Where a rollup of this config cuts its bins: booleans on [0, 1], numbers on their range when bounded. */
export function histogramScale(config: { dataType: string; minValue: number | null; maxValue: number | null }): ScoreScale {
  if (config.dataType === "boolean") return { min: 0, max: 1 };
  if (config.dataType === "numeric" && config.minValue !== null && config.maxValue !== null && config.minValue < config.maxValue) {
    return { min: config.minValue, max: config.maxValue };
  }
  return { min: null, max: null };
}

/** The histogram key of one numeric value (the rollup SQL computes the same; a test holds them together). */
export function scoreBinKey(value: number, scale: ScoreScale): string {
  if (scale.min === null || scale.max === null) {
    return `g${Math.sign(value) * bucketIndex(Math.abs(value))}`;
  }
  const position = Math.max(0, Math.min(linearBins, ((value - scale.min) * linearBins) / (scale.max - scale.min)));
  const nearest = Math.round(position);
  return `s${Math.abs(position - nearest) <= edgeTolerance ? 2 * nearest : 2 * Math.floor(position) + 1}`;
}

export function categoryKey(category: string): string {
  return `c:${category}`;
}

/** The values a key stands for: one point, or the open interval (low, high). Null for category keys. */
export function binExtent(key: string, scale: ScoreScale): { low: number; high: number } | null {
  const index = Number(key.slice(1));
  if (!Number.isInteger(index)) return null;
  if (key.startsWith("s") && scale.min !== null && scale.max !== null) {
    const width = (scale.max - scale.min) / linearBins;
    const edge = Math.floor(index / 2);
    const low = scale.min + edge * width;
    return index % 2 === 0 ? { low, high: low } : { low, high: low + width };
  }
  if (key.startsWith("g")) {
    if (index === 0) return { low: 0, high: 0 };
    const magnitude = Math.abs(index);
    const inner = gamma ** (magnitude - 1) - 1;
    const outer = gamma ** magnitude - 1;
    return index > 0 ? { low: inner, high: outer } : { low: -outer, high: -inner };
  }
  return null;
}

/**
 * How many of the histogram's values are as bad as `threshold` or worse: at or below it
 * when higher is better, at or above it otherwise. Fractional where the threshold cuts a bin.
 */
export function countAtOrWorse(histogram: ScoreHistogram, scale: ScoreScale, threshold: number, higherIsBetter: boolean): number {
  let count = 0;
  for (const [key, n] of Object.entries(histogram)) {
    const extent = binExtent(key, scale);
    if (!extent) continue;
    const { low, high } = extent;
    if (low === high) {
      if (higherIsBetter ? low <= threshold : low >= threshold) count += n;
      continue;
    }
    const below = Math.max(0, Math.min(1, (threshold - low) / (high - low)));
    count += n * (higherIsBetter ? below : 1 - below);
  }
  return count;
}

export function mergeScoreHistograms(into: ScoreHistogram, other: ScoreHistogram): ScoreHistogram {
  for (const [key, n] of Object.entries(other)) into[key] = (into[key] ?? 0) + n;
  return into;
}
