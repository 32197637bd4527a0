import type { ResolvedRange } from "@/server/metrics/metricsQuery";

interface BucketRow {
  bucketStart: Date;
  value: string;
}

export interface ShapedSeries<Figures> {
  key: string;
  totals: Figures;
  points: (Figures & { t: string })[];
}

/**
 * Folds rollup rows into a total and one series per breakdown value ("all" without one),
 * each with a point per step of the range, then shapes them as the API answers: series
 * with the most `weight` first. Shared by the metrics and the score series.
 */
export function bucketSeries<Row extends BucketRow, Acc, Figures>(
  rows: readonly Row[],
  range: ResolvedRange,
  split: boolean,
  fold: { empty: () => Acc; add: (into: Acc, row: Row) => void; weight: (acc: Acc) => number; figures: (acc: Acc) => Figures },
): { totals: Figures; series: ShapedSeries<Figures>[] } {
  const pointCount = Math.ceil((range.to.getTime() - range.from.getTime()) / range.stepMs);
  const newEntry = () => ({ total: fold.empty(), points: Array.from({ length: pointCount }, fold.empty) });
  const total = fold.empty();
  const series = new Map<string, ReturnType<typeof newEntry>>();
  for (const row of rows) {
    const key = split ? row.value || "(none)" : "all";
    const entry = series.get(key) ?? newEntry();
    series.set(key, entry);
    const point = entry.points[Math.floor((row.bucketStart.getTime() - range.from.getTime()) / range.stepMs)];
    if (point) fold.add(point, row);
    fold.add(entry.total, row);
    // Every trace has exactly one value per dimension, so the series add up to the total.
    fold.add(total, row);
  }
  if (series.size === 0) series.set("all", newEntry());
  return {
    totals: fold.figures(total),
    series: [...series]
      .sort((a, b) => fold.weight(b[1].total) - fold.weight(a[1].total))
      .map(([key, entry]) => ({
        key,
        totals: fold.figures(entry.total),
        points: entry.points.map((point, index) => ({
          t: new Date(range.from.getTime() + index * range.stepMs).toISOString(),
          ...fold.figures(point),
        })),
      })),
  };
}
