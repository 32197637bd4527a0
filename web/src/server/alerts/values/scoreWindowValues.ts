import { Prisma } from "@/generated/prisma/client";
import type { AlertGroupBy, AlertMetric } from "@/contracts/alertMetrics";
import type { AlertFilter } from "@/contracts/alerts";
import type { Queryable } from "@/server/db/client";
import { addScoreRow, emptyScoreAccumulator, type ScoreAccumulator, type ScoreRollupRow } from "@/server/metrics/scoreMetricsQuery";
import type { WindowValue } from "@/server/alerts/alertObservation";
import { rollupPieces } from "@/server/alerts/values/rollupPieces";
import { rollupSelection } from "@/server/alerts/values/traceWindowValues";

type ScoreMetric = Extract<AlertMetric, { source: "scores" }>;

const valueOf = (metric: ScoreMetric, acc: ScoreAccumulator): WindowValue => ({
  value: acc.count === 0 ? null : metric.aggregate === "avg" ? acc.sum / acc.count : acc.atOrWorse / acc.count,
  samples: acc.count,
});

/** "Above x" counts values at or above it: the rollup histogram's "as bad or worse" with higher being worse. */
const aboveThreshold = (metric: ScoreMetric) => ({
  threshold: metric.aggregate === "share_above" ? metric.above : null,
  higherIsBetter: false,
});

const groupColumn: Record<AlertGroupBy, Prisma.Sql> = {
  model: Prisma.sql`t.model`,
  release: Prisma.sql`t.release`,
  promptVersion: Prisma.sql`t.prompt_version`,
  user: Prisma.sql`t.user_id`,
  session: Prisma.sql`t.session_id`,
};

/**
 * A score's average, or its share at or above x, per group over the scored traces that
 * started in [from, to) (each trace's latest score of the name, as the score charts count):
 * from score rollups where they can answer, else from the scores themselves (an evaluator
 * filter, or a filter on one dimension with a split by another).
 */
export async function scoreWindowValues(
  database: Queryable,
  projectId: string,
  metric: ScoreMetric,
  request: { filter: AlertFilter; groupBy: AlertGroupBy | null; from: Date; to: Date },
): Promise<Map<string, WindowValue>> {
  const selection = request.filter.evaluator === undefined ? rollupSelection(request.filter, request.groupBy) : null;
  const groups = new Map<string, ScoreAccumulator>();
  if (request.groupBy === null) groups.set("", emptyScoreAccumulator());
  const accumulatorOf = (group: string) => {
    let acc = groups.get(group);
    if (!acc) groups.set(group, (acc = emptyScoreAccumulator()));
    return acc;
  };
  if (selection) {
    for (const piece of rollupPieces(request.from, request.to)) {
      const value = selection.value === null ? Prisma.empty : Prisma.sql`AND value = ${selection.value}`;
      const rows = await database.$queryRaw<ScoreRollupRow[]>`
        SELECT bucket_start AS "bucketStart", value, count, sum, hist_min AS "histMin", hist_max AS "histMax", hist
        FROM score_rollups
        WHERE project_id = ${projectId}::uuid AND granularity = ${piece.granularity}::"RollupGranularity"
          AND dimension = ${selection.dimension} ${value} AND name = ${metric.score}
          AND bucket_start >= ${piece.from} AND bucket_start < ${piece.to}`;
      for (const row of rows) {
        if (request.groupBy !== null && row.value === "") continue;
        addScoreRow(accumulatorOf(request.groupBy === null ? "" : row.value), row, aboveThreshold(metric));
      }
    }
  } else {
    const group = request.groupBy ? groupColumn[request.groupBy] : Prisma.sql`''`;
    const conditions = (["model", "release", "promptVersion"] as const)
      .filter((field) => request.filter[field] !== undefined)
      .map((field) => Prisma.sql`AND ${groupColumn[field]} = ${request.filter[field]}`);
    const evaluator =
      request.filter.evaluator === undefined ? Prisma.empty : Prisma.sql`AND s.evaluator_name = ${request.filter.evaluator}`;
    const above = metric.aggregate === "share_above" ? metric.above : null;
    const rows = await database.$queryRaw<{ grp: string | null; count: number; sum: number; above: number }[]>`
      SELECT grp, count(*)::int AS count, coalesce(sum(value), 0)::float8 AS sum,
        (count(*) FILTER (WHERE value >= ${above}::float8))::int AS above
      FROM (
        SELECT DISTINCT ON (s.trace_id) ${group} AS grp, s.value
        FROM scores s JOIN traces t ON t.project_id = s.project_id AND t.id = s.trace_id
        WHERE s.project_id = ${projectId}::uuid AND s.name = ${metric.score} AND s.value IS NOT NULL
          AND t.start_time >= ${request.from} AND t.start_time < ${request.to} ${evaluator} ${conditions.length ? Prisma.join(conditions, " ") : Prisma.empty}
        ORDER BY s.trace_id, s.created_at DESC
      ) AS latest
      WHERE ${request.groupBy ? Prisma.sql`grp IS NOT NULL AND grp <> ''` : Prisma.sql`true`}
      GROUP BY grp`;
    for (const row of rows) {
      const acc = accumulatorOf(request.groupBy === null ? "" : (row.grp ?? ""));
      acc.count += row.count;
      acc.sum += row.sum;
      acc.atOrWorse += row.above;
    }
  }
  return new Map([...groups].map(([group, acc]) => [group, valueOf(metric, acc)]));
}
