import { Prisma } from "@/generated/prisma/client";
import type { AlertGroupBy, TraceAlertMetric } from "@/contracts/alertMetrics";
import type { AlertFilter } from "@/contracts/alerts";
import type { MetricFigures } from "@/contracts/metrics";
import type { Queryable } from "@/server/db/client";
import { maxCostUsd } from "@/contracts/common";
import { logGamma } from "@/server/metrics/logHistogram";
import {
  addTraceRollupRow,
  emptyTraceAccumulator,
  figuresOf,
  type TraceAccumulator,
  type TraceRollupRow,
} from "@/server/metrics/metricsQuery";
import { hasNegativeFeedback, latestRatingShare, latestThumb } from "@/server/feedback/feedbackSignals";
import type { WindowValue } from "@/server/alerts/alertObservation";
import { rollupPieces, type RollupPiece } from "@/server/alerts/values/rollupPieces";

/** The observations behind each figure: what a minimum sample size counts. */
const samplesOf: Record<TraceAlertMetric, (figures: MetricFigures, acc: TraceAccumulator) => number> = {
  requests: (f) => f.requests,
  errors: (f) => f.requests,
  errorRate: (f) => f.requests,
  latencyP50Ms: (_f, acc) => histogramCount(acc.latency),
  latencyP95Ms: (_f, acc) => histogramCount(acc.latency),
  latencyP99Ms: (_f, acc) => histogramCount(acc.latency),
  ttftP50Ms: (_f, acc) => histogramCount(acc.ttft),
  ttftP95Ms: (_f, acc) => histogramCount(acc.ttft),
  costUsd: (f) => f.requests,
  costPerRequestUsd: (f) => f.requests,
  inputTokens: (f) => f.requests,
  outputTokens: (f) => f.requests,
  feedbackEvents: (f) => f.requests,
  thumbsUp: (f) => f.thumbsUp + f.thumbsDown,
  thumbsDown: (f) => f.thumbsUp + f.thumbsDown,
  thumbsDownRate: (f) => f.thumbsUp + f.thumbsDown,
  ratings: (f) => f.ratings,
  averageRating: (f) => f.ratings,
  negativeTraces: (f) => f.requests,
  negativeFeedbackRate: (f) => f.requests,
};

function histogramCount(histogram: Record<string, number>): number {
  let count = 0;
  for (const bucket in histogram) count += histogram[bucket] ?? 0;
  return count;
}

export const usesHistograms = (figure: TraceAlertMetric) => figure.endsWith("Ms");

/** The figure of each group's accumulated rows, with its sample count. */
export function traceWindowValues(groups: Map<string, TraceAccumulator>, figure: TraceAlertMetric): Map<string, WindowValue> {
  const values = new Map<string, WindowValue>();
  for (const [group, acc] of groups) {
    const figures = figuresOf(acc);
    values.set(group, { value: figures[figure], samples: samplesOf[figure](figures, acc) });
  }
  return values;
}

const rollupDimensions = ["model", "release", "promptVersion"] as const;

/**
 * Which rollup rows answer a request: rollups have one dimension per row, so a group-by on
 * model, release or prompt version alone, or one filter on one of them alone, or neither.
 * Null: only the raw traces can answer (a group-by user or session, or two dimensions).
 */
export function rollupSelection(filter: AlertFilter, groupBy: AlertGroupBy | null): { dimension: string; value: string | null } | null {
  const filters = rollupDimensions.filter((field) => filter[field] !== undefined);
  if (groupBy === null) {
    if (filters.length === 0) return { dimension: "all", value: null };
    const only = filters[0];
    return filters.length === 1 && only ? { dimension: only, value: filter[only] ?? null } : null;
  }
  if (groupBy === "user" || groupBy === "session" || filters.length > 0) return null;
  return { dimension: groupBy, value: null };
}

type RowCache = Map<string, Promise<TraceRollupRow[]>>;

function readPiece(
  database: Queryable,
  projectId: string,
  piece: RollupPiece,
  selection: { dimension: string; value: string | null },
  histograms: boolean,
) {
  const hist = histograms
    ? Prisma.sql`latency_hist AS "latencyHist", ttft_hist AS "ttftHist"`
    : Prisma.sql`'{}'::jsonb AS "latencyHist", '{}'::jsonb AS "ttftHist"`;
  const value = selection.value === null ? Prisma.empty : Prisma.sql`AND value = ${selection.value}`;
  return database.$queryRaw<TraceRollupRow[]>`
    SELECT bucket_start AS "bucketStart", value, requests, errors, ${hist},
      cost_usd AS "costUsd", input_tokens AS "inputTokens", output_tokens AS "outputTokens", feedback_events AS "feedbackEvents",
      thumbs_up AS "thumbsUp", thumbs_down AS "thumbsDown", rating_count AS "ratingCount", rating_sum AS "ratingSum",
      negative_traces AS "negativeTraces"
    FROM metric_rollups
    WHERE project_id = ${projectId}::uuid AND granularity = ${piece.granularity}::"RollupGranularity"
      AND dimension = ${selection.dimension} ${value} AND bucket_start >= ${piece.from} AND bucket_start < ${piece.to}`;
}

/**
 * Trace figures per group over [from, to) from minute and hour rollups. Rows are cached per
 * piece for the reader's cycle, so rules over the same window and dimension read them once.
 */
export async function traceRollupGroups(
  database: Queryable,
  projectId: string,
  cache: RowCache,
  request: { filter: AlertFilter; groupBy: AlertGroupBy | null; from: Date; to: Date; histograms: boolean },
  selection: { dimension: string; value: string | null },
): Promise<Map<string, TraceAccumulator>> {
  const groups = new Map<string, TraceAccumulator>();
  if (request.groupBy === null) groups.set("", emptyTraceAccumulator());
  for (const piece of rollupPieces(request.from, request.to)) {
    const key = `${piece.granularity}|${selection.dimension}|${selection.value ?? ""}|${piece.from.toISOString()}|${piece.to.toISOString()}|${request.histograms}`;
    let rows = cache.get(key);
    if (!rows) {
      rows = readPiece(database, projectId, piece, selection, request.histograms);
      cache.set(key, rows);
    }
    for (const row of await rows) {
      // Traces without the dimension's value are no group of their own.
      if (request.groupBy !== null && row.value === "") continue;
      const group = request.groupBy === null ? "" : row.value;
      let acc = groups.get(group);
      if (!acc) groups.set(group, (acc = emptyTraceAccumulator()));
      addTraceRollupRow(acc, row);
    }
  }
  return groups;
}

const groupColumn: Record<AlertGroupBy, Prisma.Sql> = {
  model: Prisma.sql`model`,
  release: Prisma.sql`release`,
  promptVersion: Prisma.sql`prompt_version`,
  user: Prisma.sql`user_id`,
  session: Prisma.sql`session_id`,
};

/**
 * The same figures straight from the traces of the window, for what rollups cannot answer
 * (by user or session, or filtered on one dimension and split by another). The same log
 * histograms and feedback summaries as the rollup build, so both paths agree.
 */
export async function traceRawGroups(
  database: Queryable,
  projectId: string,
  request: { filter: AlertFilter; groupBy: AlertGroupBy | null; from: Date; to: Date },
): Promise<Map<string, TraceAccumulator>> {
  const group = request.groupBy ? Prisma.sql`${groupColumn[request.groupBy]}` : Prisma.sql`''`;
  const conditions = rollupDimensions
    .filter((field) => request.filter[field] !== undefined)
    .map((field) => Prisma.sql`AND ${groupColumn[field]} = ${request.filter[field]}`);
  const grouped = request.groupBy
    ? Prisma.sql`AND ${groupColumn[request.groupBy]} IS NOT NULL AND ${groupColumn[request.groupBy]} <> ''`
    : Prisma.empty;
  const rows = await database.$queryRaw<TraceRollupRow[]>`
    SELECT grp AS value, ${request.from}::timestamptz AS "bucketStart", count(*)::int AS requests,
      (count(*) FILTER (WHERE status = 'error'))::int AS errors,
      (SELECT coalesce(jsonb_object_agg(b, c), '{}'::jsonb) FROM (
        SELECT ceil(ln(greatest(v, 0) + 1) / ${logGamma}::float8)::int AS b, count(*) AS c
        FROM unnest(array_agg(latency_ms)) AS v WHERE v IS NOT NULL GROUP BY 1) AS latency) AS "latencyHist",
      (SELECT coalesce(jsonb_object_agg(b, c), '{}'::jsonb) FROM (
        SELECT ceil(ln(greatest(v, 0) + 1) / ${logGamma}::float8)::int AS b, count(*) AS c
        FROM unnest(array_agg(ttft_ms)) AS v WHERE v IS NOT NULL GROUP BY 1) AS ttft) AS "ttftHist",
      coalesce(sum(least(cost_usd, ${maxCostUsd}::float8)), 0)::float8 AS "costUsd",
      coalesce(sum(input_tokens), 0)::bigint AS "inputTokens", coalesce(sum(output_tokens), 0)::bigint AS "outputTokens",
      coalesce(sum(events), 0)::int AS "feedbackEvents", (count(*) FILTER (WHERE thumb = 1))::int AS "thumbsUp",
      (count(*) FILTER (WHERE thumb = -1))::int AS "thumbsDown", count(rating_share)::int AS "ratingCount",
      coalesce(sum(rating_share * 5), 0)::float8 AS "ratingSum", (count(*) FILTER (WHERE negative))::int AS "negativeTraces"
    FROM (
      SELECT ${group} AS grp, status, latency_ms, ttft_ms, cost_usd, input_tokens, output_tokens, fb.events, fb.thumb, fb.rating_share, fb.negative
      FROM traces
      LEFT JOIN LATERAL (
        SELECT count(*) AS events, ${latestThumb} AS thumb, ${latestRatingShare} AS rating_share, ${hasNegativeFeedback} AS negative
        FROM feedback_events f WHERE f.project_id = traces.project_id AND f.trace_id = traces.id
      ) AS fb ON true
      WHERE project_id = ${projectId}::uuid AND start_time >= ${request.from} AND start_time < ${request.to} ${conditions.length ? Prisma.join(conditions, " ") : Prisma.empty} ${grouped}
    ) AS t
    GROUP BY grp`;
  const groups = new Map<string, TraceAccumulator>();
  if (request.groupBy === null) groups.set("", emptyTraceAccumulator());
  for (const row of rows) {
    const acc = groups.get(row.value) ?? emptyTraceAccumulator();
    addTraceRollupRow(acc, row);
    groups.set(row.value, acc);
  }
  return groups;
}
