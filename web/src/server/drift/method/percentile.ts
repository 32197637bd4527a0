/**
 * The q-th percentile (0-100) of `values` with linear interpolation between the two nearest
 * ranks: numpy.percentile's default, which the drift study used for the novelty threshold.
 */
export function percentile(values: ArrayLike<number>, q: number): number {
  if (values.length === 0) throw new RangeError("percentile of no values");
  const sorted = Float64Array.from(values).sort();
  const position = (q / 100) * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  const low = sorted[lower] ?? 0;
  return low + (position - lower) * ((sorted[upper] ?? 0) - low);
}
