/** One set of points of a scatter plot, drawn in one colour; `labels` (one per point) is what hovering shows. */
export interface ScatterSeries {
  name: string;
  xs: readonly number[];
  ys: readonly number[];
  labels?: readonly string[];
}

/** A hovered or listed point: which series, and its index in that series' own arrays. */
export interface ScatterPointRef {
  series: number;
  index: number;
}

export interface ScatterPlotData {
  /** All points by ascending x (uPlot's aligned data wants sorted x; typed arrays skip per-value boxing). */
  xs: Float64Array;
  ys: Float64Array;
  /** Where each sorted point came from. */
  sources: ScatterPointRef[];
  /** One y array per series over the shared xs: its own points' y, null at the others' (uPlot draws nothing there). */
  seriesYs: (number | null)[][];
}

/**
 * Points for a scatter plot of one or more series, as uPlot draws them fastest: every
 * point on one sorted x array, each series holding y only at its own points. Points
 * without a finite x or y are left out rather than drawn at 0.
 */
export function scatterData(series: readonly ScatterSeries[]): ScatterPlotData {
  const order: ScatterPointRef[] = [];
  series.forEach((entry, seriesIndex) => {
    const length = Math.min(entry.xs.length, entry.ys.length);
    for (let index = 0; index < length; index++)
      if (Number.isFinite(entry.xs[index]) && Number.isFinite(entry.ys[index])) order.push({ series: seriesIndex, index });
  });
  const xOf = (ref: ScatterPointRef) => series[ref.series]?.xs[ref.index] ?? 0;
  const yOf = (ref: ScatterPointRef) => series[ref.series]?.ys[ref.index] ?? 0;
  order.sort((a, b) => xOf(a) - xOf(b));
  const xs = new Float64Array(order.length);
  const ys = new Float64Array(order.length);
  const seriesYs = series.map(() => new Array<number | null>(order.length).fill(null));
  order.forEach((ref, target) => {
    xs[target] = xOf(ref);
    ys[target] = yOf(ref);
    const column = seriesYs[ref.series];
    if (column) column[target] = yOf(ref);
  });
  return { xs, ys, sources: order, seriesYs };
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

/** The data's extent with `padding` (a share of the span) on each side, for axes that have no natural zero (a 2-D projection). */
export function paddedExtent(values: ArrayLike<number>, padding = 0.05): { min: number; max: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < values.length; index++) {
    const value = values[index] ?? 0;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (min > max) return { min: 0, max: 1 };
  const pad = max > min ? (max - min) * padding : 1;
  return { min: min - pad, max: max + pad };
}

/**
 * The sorted point nearest to the pointer in screen distance, or null when none is within
 * `radiusPx`. uPlot's own cursor snaps to the nearest x only, which on a dense map names a
 * point far above or below the pointer.
 */
export function nearestPoint(
  data: Pick<ScatterPlotData, "xs" | "ys">,
  pointer: { x: number; y: number },
  pxPerUnit: { x: number; y: number },
  radiusPx: number,
): number | null {
  let best: number | null = null;
  let bestDistance = radiusPx * radiusPx;
  for (let index = 0; index < data.xs.length; index++) {
    const dx = ((data.xs[index] ?? 0) - pointer.x) * pxPerUnit.x;
    const dy = ((data.ys[index] ?? 0) - pointer.y) * pxPerUnit.y;
    const distance = dx * dx + dy * dy;
    if (distance <= bestDistance) {
      bestDistance = distance;
      best = index;
    }
  }
  return best;
}
