import { Prisma } from "@/generated/prisma/client";
import type { AlertGroupBy, AlertMetric } from "@/contracts/alertMetrics";
import type { AlertFilter } from "@/contracts/alerts";
import type { Queryable } from "@/server/db/client";
import { addScoreRow, emptyScoreAccumulator, type ScoreAccumulator, type ScoreRollupRow } from "@/server/metrics/scoreMetricsQuery";
import type { TimeWindow } from "@/server/alerts/alertWindows";
import { memo } from "@/server/alerts/values/memo";
import { inRanges, rollupRowCache, type RollupRowCache } from "@/server/alerts/values/rollupRowCache";
import { rollupSelection } from "@/server/alerts/values/traceWindowValues";
import { rowsPerWindow, windowSlots, type WindowSlots } from "@/server/alerts/values/windowSlots";
import { foldedSeries, type WindowSeries } from "@/server/alerts/values/windowSeries";

type ScoreMetric = Extract<AlertMetric, { source: "scores" }>;

/** What a group of scores adds up to, read from the scores themselves. */
interface ScoreSlotRow {
  slot: number;
  value: string;
  count: number;
  sum: number;
  atOrAbove: number;
}

export interface ScoreValueCache {
  rollups: Map<string, RollupRowCache<ScoreRollupRow>>;
  raw: Map<string, Promise<ScoreSlotRow[]>>;
}

export const scoreValueCache = (): ScoreValueCache => ({ rollups: new Map(), raw: new Map() });

const valueOf = (metric: ScoreMetric, acc: ScoreAccumulator) => ({
  value: acc.count === 0 ? null : metric.aggregate === "avg" ? acc.sum / acc.count : acc.atOrWorse / acc.count,
  samples: acc.count,
});

/** "Above x" counts values at or above it: the rollup histogram's "as bad or worse" with higher being worse. */
const aboveThreshold = (metric: ScoreMetric) => ({
  threshold: metric.aggregate === "share_above" ? metric.above : null,
  higherIsBetter: false,
});

const traceColumn: Record<AlertGroupBy, Prisma.Sql> = {
  model: Prisma.sql`t.model`,
  release: Prisma.sql`t.release`,
  promptVersion: Prisma.sql`t.prompt_version`,
  user: Prisma.sql`t.user_id`,
  session: Prisma.sql`t.session_id`,
};

function rollupRows(database: Queryable, projectId: string, selection: { dimension: string; value: string | null }, name: string) {
  const value = selection.value === null ? Prisma.empty : Prisma.sql`AND value = ${selection.value}`;
  return rollupRowCache<ScoreRollupRow>(
    (granularity, ranges) => database.$queryRaw<ScoreRollupRow[]>`
      SELECT bucket_start AS "bucketStart", value, count, sum, hist_min AS "histMin", hist_max AS "histMax", hist
      FROM score_rollups
      WHERE project_id = ${projectId}::uuid AND granularity = ${granularity}::"RollupGranularity"
        AND dimension = ${selection.dimension} ${value} AND name = ${name} AND (${inRanges(ranges)})`,
  );
}

/**
 * Count, sum and how many are at or above x per slot and group, from each scored trace's
 * latest score of the name (of the evaluator, when filtered by one), as the rollups count;
 * the trace's start time places it, as in the rollups.
 */
function rawRows(
  database: Queryable,
  projectId: string,
  metric: ScoreMetric,
  request: { filter: AlertFilter; groupBy: AlertGroupBy | null },
  slots: WindowSlots,
) {
  const first = slots.boundaries[0];
  const last = slots.boundaries.at(-1);
  if (!first || !last || slots.covered.length === 0) return Promise.resolve([]);
  const group = request.groupBy ? traceColumn[request.groupBy] : Prisma.sql`''`;
  const conditions = (["model", "release", "promptVersion"] as const)
    .filter((field) => request.filter[field] !== undefined)
    .map((field) => Prisma.sql`AND ${traceColumn[field]} = ${request.filter[field]}`);
  const evaluator = request.filter.evaluator === undefined ? Prisma.empty : Prisma.sql`AND s.evaluator_name = ${request.filter.evaluator}`;
  const grouped = request.groupBy ? Prisma.sql`AND ${group} <> ''` : Prisma.empty;
  const above = metric.aggregate === "share_above" ? metric.above : null;
  const slot = Prisma.sql`width_bucket(t.start_time, ${slots.boundaries.map((edge) => edge.toISOString())}::timestamptz[]) - 1`;
  return database.$queryRaw<ScoreSlotRow[]>`
    SELECT slot, grp AS value, count(*)::int AS count, coalesce(sum(score), 0)::float8 AS sum,
      (count(*) FILTER (WHERE score >= ${above}::float8))::int AS "atOrAbove"
    FROM (
      SELECT DISTINCT ON (s.trace_id) ${slot} AS slot, ${group} AS grp, s.value AS score
      FROM scores s JOIN traces t ON t.project_id = s.project_id AND t.id = s.trace_id
      WHERE s.project_id = ${projectId}::uuid AND s.name = ${metric.score} AND s.value IS NOT NULL
        AND t.start_time >= ${first} AND t.start_time < ${last} AND ${slot} = ANY(${slots.covered}::int[])
        ${evaluator} ${Prisma.join([Prisma.empty, ...conditions], " ")} ${grouped}
      ORDER BY s.trace_id, s.created_at DESC, s.id DESC
    ) AS latest
    GROUP BY slot, grp`;
}

/**
 * A score's average, or its share at or above x, per group over each window's scored traces:
 * from score rollups where they can answer (each bucket read once per reader), else from the
 * scores themselves (filtered by evaluator, or across two dimensions) in one query for all
 * the windows. From rollups, a share above an x inside a histogram bin is interpolated
 * (scoreHistogram.ts); from the scores it is counted exactly.
 */
export async function scoreWindowSeries(
  database: Queryable,
  projectId: string,
  cache: ScoreValueCache,
  metric: ScoreMetric,
  request: { filter: AlertFilter; groupBy: AlertGroupBy | null },
  windows: readonly TimeWindow[],
): Promise<WindowSeries> {
  const value = (acc: ScoreAccumulator) => valueOf(metric, acc);
  const selection = request.filter.evaluator === undefined ? rollupSelection(request.filter, request.groupBy) : null;
  if (selection) {
    const key = `${selection.dimension}\u0000${selection.value ?? ""}\u0000${metric.score}`;
    const rows = memo(cache.rollups, key, () => rollupRows(database, projectId, selection, metric.score));
    const direction = aboveThreshold(metric);
    return foldedSeries(await rows.windowRows(windows), request.groupBy, {
      empty: emptyScoreAccumulator,
      add: (into: ScoreAccumulator, row: ScoreRollupRow) => {
        addScoreRow(into, row, direction);
      },
      value,
    });
  }
  const slots = windowSlots(windows);
  const key = JSON.stringify([
    metric.score,
    metric.aggregate === "share_above" ? metric.above : null,
    request.filter,
    request.groupBy,
    slots.boundaries,
    slots.covered,
  ]);
  const rows = await memo(cache.raw, key, () => rawRows(database, projectId, metric, request, slots));
  return foldedSeries(rowsPerWindow(rows, slots), request.groupBy, {
    empty: emptyScoreAccumulator,
    add: (into: ScoreAccumulator, row: ScoreSlotRow) => {
      into.count += row.count;
      into.sum += row.sum;
      into.atOrWorse += row.atOrAbove;
    },
    value,
  });
}
