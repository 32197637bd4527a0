import { Prisma } from "@/generated/prisma/client";
import type { AlertGroupBy, TraceAlertMetric } from "@/contracts/alertMetrics";
import type { AlertFilter } from "@/contracts/alerts";
import type { MetricFigures } from "@/contracts/metrics";
import type { Queryable } from "@/server/db/client";
import {
  addTraceRollupRow,
  emptyTraceAccumulator,
  figuresOf,
  type TraceAccumulator,
  type TraceRollupRow,
} from "@/server/metrics/metricsQuery";
import { histogramCount } from "@/server/metrics/logHistogram";
import { feedbackSummaryJoin, traceFigureAggregates, traceRollupColumns } from "@/server/metrics/traceFigureSql";
import type { TimeWindow } from "@/server/alerts/alertWindows";
import { memo } from "@/server/alerts/values/memo";
import { inRanges, rollupRowCache, type RollupRowCache } from "@/server/alerts/values/rollupRowCache";
import { rowsPerWindow, windowSlots } from "@/server/alerts/values/windowSlots";
import { foldedSeries, type WindowSeries } from "@/server/alerts/values/windowSeries";

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

/** Percentiles need the histograms, the heaviest columns: other figures leave them unread. */
const usesHistograms = (figure: TraceAlertMetric) => figure.endsWith("Ms");
const feedbackFigures = new Set<TraceAlertMetric>([
  "feedbackEvents",
  "thumbsUp",
  "thumbsDown",
  "thumbsDownRate",
  "ratings",
  "averageRating",
  "negativeTraces",
  "negativeFeedbackRate",
]);

const rollupDimensions = ["model", "release", "promptVersion"] as const;

interface RollupSelection {
  dimension: string;
  value: string | null;
}

/**
 * Which rollup rows answer a request: rollups have one dimension per row, so a group-by on
 * model, release or prompt version (filtered on that same dimension, or not at all), one
 * filter alone, or neither. Null: only the raw traces can answer (a group-by user or session,
 * or two dimensions).
 */
export function rollupSelection(filter: AlertFilter, groupBy: AlertGroupBy | null): RollupSelection | null {
  const filters = rollupDimensions.filter((field) => filter[field] !== undefined);
  const only = filters[0];
  if (filters.length > 1) return null;
  if (groupBy === null) return only ? { dimension: only, value: filter[only] ?? null } : { dimension: "all", value: null };
  if (groupBy === "user" || groupBy === "session" || (only !== undefined && only !== groupBy)) return null;
  return { dimension: groupBy, value: only ? (filter[only] ?? null) : null };
}

type TraceSlotRow = Omit<TraceRollupRow, "bucketStart"> & { slot: number };

/** The trace rows a reader keeps for its cycle: rollup rows per selection and bucket, raw rows per query. */
export interface TraceValueCache {
  rollups: Map<string, RollupRowCache<TraceRollupRow>>;
  raw: Map<string, Promise<TraceSlotRow[]>>;
}

export const traceValueCache = (): TraceValueCache => ({ rollups: new Map(), raw: new Map() });

function rollupRows(database: Queryable, projectId: string, selection: RollupSelection, histograms: boolean) {
  const value = selection.value === null ? Prisma.empty : Prisma.sql`AND value = ${selection.value}`;
  return rollupRowCache<TraceRollupRow>(
    (granularity, ranges) => database.$queryRaw<TraceRollupRow[]>`
      SELECT ${traceRollupColumns({ histograms })}
      FROM metric_rollups
      WHERE project_id = ${projectId}::uuid AND granularity = ${granularity}::"RollupGranularity"
        AND dimension = ${selection.dimension} ${value} AND (${inRanges(ranges)})`,
  );
}

const traceColumn: Record<AlertGroupBy, Prisma.Sql> = {
  model: Prisma.sql`model`,
  release: Prisma.sql`release`,
  promptVersion: Prisma.sql`prompt_version`,
  user: Prisma.sql`user_id`,
  session: Prisma.sql`session_id`,
};

/**
 * The same rows straight from the traces, one per slot and group (windowSlots.ts), for what
 * rollups cannot answer: by user or session, or across two dimensions. The figures' SQL is
 * the rollup build's (traceFigureSql.ts), so both paths agree; feedback is looked up only for
 * feedback figures and histograms made only for percentiles.
 */
function rawRows(
  database: Queryable,
  projectId: string,
  request: { filter: AlertFilter; groupBy: AlertGroupBy | null },
  slots: ReturnType<typeof windowSlots>,
  options: { histograms: boolean; feedback: boolean },
) {
  const first = slots.boundaries[0];
  const last = slots.boundaries.at(-1);
  if (!first || !last || slots.covered.length === 0) return Promise.resolve([]);
  const group = request.groupBy ? traceColumn[request.groupBy] : Prisma.sql`''`;
  const conditions = rollupDimensions
    .filter((field) => request.filter[field] !== undefined)
    .map((field) => Prisma.sql`AND ${traceColumn[field]} = ${request.filter[field]}`);
  const grouped = request.groupBy ? Prisma.sql`AND ${group} <> ''` : Prisma.empty;
  const slot = Prisma.sql`width_bucket(start_time, ${slots.boundaries.map((edge) => edge.toISOString())}::timestamptz[]) - 1`;
  return database.$queryRaw<TraceSlotRow[]>`
    SELECT slot, grp AS value, ${traceFigureAggregates(options)}
    FROM (
      SELECT ${slot} AS slot, ${group} AS grp, status, latency_ms, ttft_ms, cost_usd, input_tokens, output_tokens,
        fb.events AS feedback_events, fb.thumb, fb.rating_share, fb.negative
      FROM traces ${feedbackSummaryJoin(options.feedback)}
      WHERE project_id = ${projectId}::uuid AND start_time >= ${first} AND start_time < ${last}
        AND ${slot} = ANY(${slots.covered}::int[]) ${Prisma.join([Prisma.empty, ...conditions], " ")} ${grouped}
    ) AS t
    GROUP BY slot, grp`;
}

/**
 * A trace figure per group over each window: from minute and hour rollups where they can
 * answer (each bucket read once per reader), else from the traces in one query for all the
 * windows. Either way the figure is figuresOf's, the dashboard's own.
 */
export async function traceWindowSeries(
  database: Queryable,
  projectId: string,
  cache: TraceValueCache,
  request: { figure: TraceAlertMetric; filter: AlertFilter; groupBy: AlertGroupBy | null },
  windows: readonly TimeWindow[],
): Promise<WindowSeries> {
  const histograms = usesHistograms(request.figure);
  const fold = {
    empty: emptyTraceAccumulator,
    add: addTraceRollupRow,
    value: (acc: TraceAccumulator) => {
      const figures = figuresOf(acc);
      return { value: figures[request.figure], samples: samplesOf[request.figure](figures, acc) };
    },
  };
  const selection = rollupSelection(request.filter, request.groupBy);
  if (selection) {
    const key = `${selection.dimension}\u0000${selection.value ?? ""}\u0000${histograms}`;
    const rows = memo(cache.rollups, key, () => rollupRows(database, projectId, selection, histograms));
    return foldedSeries(await rows.windowRows(windows), request.groupBy, fold);
  }
  const slots = windowSlots(windows);
  const options = { histograms, feedback: feedbackFigures.has(request.figure) };
  const key = JSON.stringify([request.filter, request.groupBy, options, slots.boundaries, slots.covered]);
  const rows = await memo(cache.raw, key, () => rawRows(database, projectId, request, slots, options));
  return foldedSeries(rowsPerWindow(rows, slots), request.groupBy, fold);
}
