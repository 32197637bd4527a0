import type { Database } from "@/server/db/client";
import type { MetricFigures, Metrics, MetricsQuery } from "@/contracts/metrics";
import { histogramQuantiles, mergeHistograms, relativeAccuracy, type LogHistogram } from "@/server/metrics/logHistogram";
import { bucketSeries } from "@/server/metrics/bucketSeries";
import { traceRollupColumns } from "@/server/metrics/traceFigureSql";

const minuteMs = 60_000;
const hourMs = 3_600_000;
/** How far back each preset range reaches from now (the trace list uses the same presets). */
export const rangePresetMs: Record<NonNullable<MetricsQuery["range"]>, number> = {
  "1h": hourMs,
  "24h": 24 * hourMs,
  "7d": 7 * 24 * hourMs,
  "30d": 30 * 24 * hourMs,
};
const niceStepsMs = [minuteMs, 5 * minuteMs, 15 * minuteMs, hourMs, 3 * hourMs, 6 * hourMs, 12 * hourMs, 24 * hourMs];
const maxPoints = 180;

export interface ResolvedRange {
  from: Date;
  to: Date;
  granularity: "minute" | "hour" | "day";
  stepMs: number;
}

/** The time range of a query, aligned to the rollups: minutes up to 6 hours, hours up to 8 days, days beyond. */
export function resolveRange(query: MetricsQuery, now: Date): ResolvedRange {
  const rawTo = query.to ? Date.parse(query.to) : now.getTime();
  const rawFrom = query.from ? Date.parse(query.from) : rawTo - rangePresetMs[query.range ?? "24h"];
  const span = rawTo - rawFrom;
  const granularity = span <= 6 * hourMs ? "minute" : span <= 8 * 24 * hourMs ? "hour" : "day";
  const unit = granularity === "minute" ? minuteMs : granularity === "hour" ? hourMs : 24 * hourMs;
  const from = Math.floor(rawFrom / unit) * unit;
  const to = Math.ceil(rawTo / unit) * unit;
  const stepMs = niceStepsMs.find((step) => step >= unit && (to - from) / step <= maxPoints) ?? 24 * hourMs;
  return { from: new Date(from), to: new Date(to), granularity, stepMs };
}

export interface TraceAccumulator {
  requests: number;
  errors: number;
  latency: LogHistogram;
  ttft: LogHistogram;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
  feedbackEvents: number;
  thumbsUp: number;
  thumbsDown: number;
  ratingCount: number;
  ratingSum: number;
  negativeTraces: number;
  costSqUsd: number;
  ratingSqSum: number;
}

export const emptyTraceAccumulator = (): TraceAccumulator => ({
  requests: 0,
  errors: 0,
  latency: {},
  ttft: {},
  costUsd: 0,
  inputTokens: 0,
  outputTokens: 0,
  feedbackEvents: 0,
  thumbsUp: 0,
  thumbsDown: 0,
  ratingCount: 0,
  ratingSum: 0,
  negativeTraces: 0,
  costSqUsd: 0,
  ratingSqSum: 0,
});

export interface TraceRollupRow {
  bucketStart: Date;
  value: string;
  requests: number;
  errors: number;
  latencyHist: unknown;
  ttftHist: unknown;
  costUsd: number;
  inputTokens: bigint;
  outputTokens: bigint;
  feedbackEvents: number;
  thumbsUp: number;
  thumbsDown: number;
  ratingCount: number;
  ratingSum: number;
  negativeTraces: number;
  costSqUsd: number;
  ratingSqSum: number;
}

const counters = [
  "feedbackEvents",
  "thumbsUp",
  "thumbsDown",
  "ratingCount",
  "ratingSum",
  "negativeTraces",
  "costSqUsd",
  "ratingSqSum",
] as const;

/** Adds one rollup row (or a raw group shaped like one) to the accumulator. */
export function addTraceRollupRow(into: TraceAccumulator, row: Omit<TraceRollupRow, "bucketStart">): void {
  into.requests += row.requests;
  into.errors += row.errors;
  mergeHistograms(into.latency, row.latencyHist as LogHistogram);
  mergeHistograms(into.ttft, row.ttftHist as LogHistogram);
  into.costUsd += row.costUsd;
  into.inputTokens += Number(row.inputTokens);
  into.outputTokens += Number(row.outputTokens);
  for (const counter of counters) into[counter] += row[counter];
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** The figures the dashboard shows, from accumulated rollups. */
export function figuresOf(acc: TraceAccumulator): MetricFigures {
  const [latencyP50Ms, latencyP95Ms, latencyP99Ms] = histogramQuantiles(acc.latency, [0.5, 0.95, 0.99]);
  const [ttftP50Ms, ttftP95Ms] = histogramQuantiles(acc.ttft, [0.5, 0.95]);
  return {
    requests: acc.requests,
    errors: acc.errors,
    errorRate: acc.requests > 0 ? acc.errors / acc.requests : null,
    latencyP50Ms: latencyP50Ms ?? null,
    latencyP95Ms: latencyP95Ms ?? null,
    latencyP99Ms: latencyP99Ms ?? null,
    ttftP50Ms: ttftP50Ms ?? null,
    ttftP95Ms: ttftP95Ms ?? null,
    costUsd: acc.costUsd,
    costPerRequestUsd: acc.requests > 0 ? acc.costUsd / acc.requests : null,
    inputTokens: acc.inputTokens,
    outputTokens: acc.outputTokens,
    feedbackEvents: acc.feedbackEvents,
    thumbsUp: acc.thumbsUp,
    thumbsDown: acc.thumbsDown,
    thumbsDownRate: ratio(acc.thumbsDown, acc.thumbsUp + acc.thumbsDown),
    ratings: acc.ratingCount,
    averageRating: ratio(acc.ratingSum, acc.ratingCount),
    negativeTraces: acc.negativeTraces,
    negativeFeedbackRate: ratio(acc.negativeTraces, acc.requests),
  };
}

/**
 * Requests, errors, latency and TTFT percentiles, cost and tokens over a range, as totals
 * and as a time series, optionally split by model, release or prompt version. Reads only
 * rollups, never raw traces, and writes nothing: the rollup job (rollupJob.ts) keeps them current.
 */
export async function getMetrics(database: Database, projectId: string, query: MetricsQuery, now: Date): Promise<Metrics> {
  const range = resolveRange(query, now);
  // A raw query: Prisma's row mapping of the JSON histograms costs more than the read.
  const rows = await database.$queryRaw<TraceRollupRow[]>`
    SELECT ${traceRollupColumns({ histograms: true })}
    FROM metric_rollups
    WHERE project_id = ${projectId}::uuid AND granularity = ${range.granularity}::"RollupGranularity"
      AND dimension = ${query.breakdown ?? "all"} AND bucket_start >= ${range.from} AND bucket_start < ${range.to}`;
  const { totals, series } = bucketSeries(rows, range, query.breakdown !== undefined, {
    empty: emptyTraceAccumulator,
    add: addTraceRollupRow,
    weight: (acc) => acc.requests,
    figures: figuresOf,
  });
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    granularity: range.granularity,
    stepSeconds: range.stepMs / 1000,
    percentileAccuracy: relativeAccuracy,
    breakdown: query.breakdown ?? null,
    totals,
    series,
  };
}
