import type { Database } from "@/server/db/client";
import type { ScoreFigures, ScoreMetrics, ScoreMetricsQuery } from "@/contracts/metrics";
import type { ScoreConfig } from "@/contracts/scores";
import { resolveRange } from "@/server/metrics/metricsQuery";
import { bucketSeries } from "@/server/metrics/bucketSeries";
import { countAtOrWorse, histogramScale, type ScoreHistogram } from "@/server/metrics/scoreHistogram";
import { inferredScoreConfig, scoreConfigsByName } from "@/server/scores/scoreConfigs";

export interface ScoreRollupRow {
  bucketStart: Date;
  value: string;
  count: number;
  sum: number;
  histMin: number | null;
  histMax: number | null;
  hist: ScoreHistogram;
}

export interface ScoreAccumulator {
  count: number;
  sum: number;
  atOrWorse: number;
}

export const emptyScoreAccumulator = (): ScoreAccumulator => ({ count: 0, sum: 0, atOrWorse: 0 });

/** What counts as bad: at or past the threshold in the config's direction; no threshold, nothing counted. */
export interface ScoreThreshold {
  threshold: number | null;
  higherIsBetter: boolean;
}

/**
 * Adds one rollup row. Each row is read on the scale it was built with (its own range), so
 * rows built before a config's range changed still count their values where they fell.
 */
export function addScoreRow(into: ScoreAccumulator, row: ScoreRollupRow, { threshold, higherIsBetter }: ScoreThreshold): void {
  into.count += row.count;
  into.sum += row.sum;
  if (threshold !== null) into.atOrWorse += countAtOrWorse(row.hist, { min: row.histMin, max: row.histMax }, threshold, higherIsBetter);
}

/** The figures of accumulated rows; categorical scores have no average, and no threshold means no "bad" share. */
export function scoreFiguresOf(acc: ScoreAccumulator, dataType: ScoreConfig["dataType"], hasThreshold: boolean): ScoreFigures {
  const measured = acc.count > 0;
  return {
    count: acc.count,
    average: measured && dataType !== "categorical" ? acc.sum / acc.count : null,
    atOrWorse: hasThreshold && measured ? acc.atOrWorse : null,
    atOrWorseShare: hasThreshold && measured ? acc.atOrWorse / acc.count : null,
  };
}

/**
 * A score's average and share at or past a threshold over a range, as totals and a time
 * series, optionally split by model, release or prompt version; plus the score names that
 * have data. Reads only score rollups (kept current by the rollup job), never raw scores.
 */
export async function getScoreMetrics(database: Database, projectId: string, query: ScoreMetricsQuery, now: Date): Promise<ScoreMetrics> {
  const range = resolveRange(query, now);
  const counted = await database.$queryRaw<{ name: string; count: bigint }[]>`
    SELECT name, sum(count) AS count FROM score_rollups
    WHERE project_id = ${projectId}::uuid AND granularity = ${range.granularity}::"RollupGranularity" AND dimension = 'all'
      AND bucket_start >= ${range.from} AND bucket_start < ${range.to}
    GROUP BY name ORDER BY 2 DESC, 1`;
  const configs = await scoreConfigsByName(database, projectId, [...counted.map((row) => row.name), ...(query.name ? [query.name] : [])]);
  const configOf = (name: string) => configs.get(name) ?? inferredScoreConfig({ name, value: 0 });
  const names = counted.map((row) => ({ name: row.name, dataType: configOf(row.name).dataType, count: Number(row.count) }));
  const name = query.name ?? names.find((entry) => entry.dataType !== "categorical")?.name;
  const base = {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    granularity: range.granularity,
    stepSeconds: range.stepMs / 1000,
    breakdown: query.breakdown ?? null,
    names,
  };
  if (name === undefined) return { ...base, score: null };

  const config = configOf(name);
  const direction: ScoreThreshold = { threshold: query.threshold ?? config.reviewThreshold, higherIsBetter: config.higherIsBetter };
  const hasThreshold = direction.threshold !== null;
  const rows = await database.$queryRaw<ScoreRollupRow[]>`
    SELECT bucket_start AS "bucketStart", value, count, sum, hist_min AS "histMin", hist_max AS "histMax", hist
    FROM score_rollups
    WHERE project_id = ${projectId}::uuid AND granularity = ${range.granularity}::"RollupGranularity"
      AND dimension = ${query.breakdown ?? "all"} AND name = ${name}
      AND bucket_start >= ${range.from} AND bucket_start < ${range.to}`;
  const { totals, series } = bucketSeries(rows, range, query.breakdown !== undefined, {
    empty: emptyScoreAccumulator,
    add: (into: ScoreAccumulator, row: ScoreRollupRow) => {
      addScoreRow(into, row, direction);
    },
    weight: (acc) => acc.count,
    figures: (acc) => scoreFiguresOf(acc, config.dataType, hasThreshold),
  });
  const scale = histogramScale(config);
  return {
    ...base,
    score: {
      name,
      dataType: config.dataType,
      higherIsBetter: config.higherIsBetter,
      threshold: direction.threshold,
      min: scale.min,
      max: scale.max,
      totals,
      series,
    },
  };
}
