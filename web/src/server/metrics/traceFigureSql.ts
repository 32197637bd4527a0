import { Prisma } from "@/generated/prisma/client";
import { maxCostUsd } from "@/contracts/common";
import { logGamma } from "@/server/metrics/logHistogram";
import { hasNegativeFeedback, latestRatingShare, latestThumb } from "@/server/feedback/feedbackSignals";

/**
 * The SQL behind every trace figure, written once for the rollup build (rollups.ts) and for
 * the alert windows that rollups cannot answer (alerts/values), so both count alike.
 */

/** A numeric column's log histogram (logHistogram.ts's bucketIndex, in SQL) as JSON: bucket -> count. */
const logHistogramOf = (column: Prisma.Sql) => Prisma.sql`(SELECT coalesce(jsonb_object_agg(b, c), '{}'::jsonb) FROM (
  SELECT ceil(ln(greatest(v, 0) + 1) / ${logGamma}::float8)::int AS b, count(*) AS c
  FROM unnest(array_agg(${column})) AS v WHERE v IS NOT NULL GROUP BY 1) AS histogram)`;

/**
 * Each trace's feedback summary (alias fb: events, thumb, rating_share, negative), joined to
 * `traces`. Without `wanted`, a constant empty summary: the feedback figures come out 0 and the
 * lookup of every trace's events, most of a raw window's cost, is skipped.
 */
export function feedbackSummaryJoin(wanted: boolean): Prisma.Sql {
  return wanted
    ? Prisma.sql`LEFT JOIN LATERAL (
        SELECT count(*) AS events, ${latestThumb} AS thumb, ${latestRatingShare} AS rating_share, ${hasNegativeFeedback} AS negative
        FROM feedback_events f WHERE f.project_id = traces.project_id AND f.trace_id = traces.id
      ) AS fb ON true`
    : Prisma.sql`CROSS JOIN (SELECT 0::bigint AS events, NULL::float8 AS thumb, NULL::float8 AS rating_share, false AS negative) AS fb`;
}

/**
 * The columns of metric_rollups as metricsQuery's TraceRollupRow names them (bucketStart to
 * ratingSqSum), for every reader of the rollups. Without `histograms` the two histograms
 * are read as empty (their JSON is most of a row's size).
 */
export function traceRollupColumns(options: { histograms: boolean }): Prisma.Sql {
  const histograms = options.histograms
    ? Prisma.sql`latency_hist AS "latencyHist", ttft_hist AS "ttftHist"`
    : Prisma.sql`'{}'::jsonb AS "latencyHist", '{}'::jsonb AS "ttftHist"`;
  return Prisma.sql`bucket_start AS "bucketStart", value, requests, errors, ${histograms},
    cost_usd AS "costUsd", input_tokens AS "inputTokens", output_tokens AS "outputTokens", feedback_events AS "feedbackEvents",
    thumbs_up AS "thumbsUp", thumbs_down AS "thumbsDown", rating_count AS "ratingCount", rating_sum AS "ratingSum",
    negative_traces AS "negativeTraces", cost_sq_usd AS "costSqUsd", rating_sq_sum AS "ratingSqSum"`;
}

/**
 * The aggregates of a group of traces, in the column order of metric_rollups (requests to
 * rating_sq_sum) and named as metricsQuery's TraceRollupRow. Reads status, latency_ms,
 * ttft_ms, cost_usd, input_tokens, output_tokens and the summary columns feedback_events,
 * thumb, rating_share and negative. Without `histograms` the two histograms are left empty.
 * Costs count up to the ingest cap: rows stored before the cap existed (1e308 was once
 * accepted) would otherwise overflow the float8 sum.
 */
export function traceFigureAggregates(options: { histograms: boolean }): Prisma.Sql {
  const histogram = (column: Prisma.Sql) => (options.histograms ? logHistogramOf(column) : Prisma.sql`'{}'::jsonb`);
  return Prisma.sql`count(*)::int AS requests, (count(*) FILTER (WHERE status = 'error'))::int AS errors,
    count(latency_ms)::int AS "latencyCount", coalesce(sum(latency_ms), 0)::float8 AS "latencySumMs",
    ${histogram(Prisma.sql`latency_ms`)} AS "latencyHist", count(ttft_ms)::int AS "ttftCount", ${histogram(Prisma.sql`ttft_ms`)} AS "ttftHist",
    coalesce(sum(least(cost_usd, ${maxCostUsd}::float8)), 0)::float8 AS "costUsd",
    coalesce(sum(input_tokens), 0)::bigint AS "inputTokens", coalesce(sum(output_tokens), 0)::bigint AS "outputTokens",
    coalesce(sum(feedback_events), 0)::int AS "feedbackEvents", (count(*) FILTER (WHERE thumb = 1))::int AS "thumbsUp",
    (count(*) FILTER (WHERE thumb = -1))::int AS "thumbsDown", count(rating_share)::int AS "ratingCount",
    coalesce(sum(rating_share * 5), 0)::float8 AS "ratingSum", (count(*) FILTER (WHERE negative))::int AS "negativeTraces",
    coalesce(sum(least(cost_usd, ${maxCostUsd}::float8) ^ 2), 0)::float8 AS "costSqUsd",
    coalesce(sum((rating_share * 5) ^ 2), 0)::float8 AS "ratingSqSum"`;
}
