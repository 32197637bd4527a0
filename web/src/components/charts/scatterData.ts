/**
 * Points for a scatter plot as uPlot draws them fastest: x ascending in one typed array,
 * y in another (uPlot's aligned data wants sorted x; typed arrays skip per-value boxing).
 * Points without a finite x or y are left out rather than drawn at 0.
 */
export function scatterData(xs: readonly number[], ys: readonly number[]): [Float64Array, Float64Array] {
  const order: number[] = [];
  const length = Math.min(xs.length, ys.length);
  for (let index = 0; index < length; index++) if (Number.isFinite(xs[index]) && Number.isFinite(ys[index])) order.push(index);
  order.sort((a, b) => (xs[a] ?? 0) - (xs[b] ?? 0));
  const sortedX = new Float64Array(order.length);
  const sortedY = new Float64Array(order.length);
  order.forEach((source, target) => {
    sortedX[target] = xs[source] ?? 0;
    sortedY[target] = ys[source] ?? 0;
  });
  return [sortedX, sortedY];
}

/** The largest value, or null for no values (the axis then shows only zero). */
export function maxOf(values: ArrayLike<number>): number | null {
  let max: number | null = null;
  for (let index = 0; index < values.length; index++) {
    const value = values[index] ?? 0;
    if (max === null || value > max) max = value;
  }
  return max;
}
