import type { Database, Queryable } from "@/server/db/client";
import { refreshReleaseUserDays } from "@/server/metrics/releaseUserDays";
import { rebuildScoreBuckets } from "@/server/metrics/scoreRollups";
import { feedbackSummaryJoin, traceFigureAggregates } from "@/server/metrics/traceFigureSql";

// A trace written in a transaction that commits late carries an updated_at older than
// the commit: changes of the last few minutes are looked at again on every refresh.
const commitLagMs = 2 * 60_000;

type Granularity = "minute" | "hour" | "day";
const granularityMs: Record<Granularity, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };
// Each transaction rebuilds at most 500 minutes of traces, whatever the granularity: 500
// hour buckets in one go held a week of a busy project's traces (2 M) in one transaction,
// past its timeout, so a first build never finished.
const chunkSpanMs = 500 * granularityMs.minute;
const chunkSize = (granularity: Granularity) => Math.max(1, Math.floor(chunkSpanMs / granularityMs[granularity]));

/** Recomputes the rollup rows of one chunk of buckets from the raw traces (delete, then insert). */
async function rebuildBuckets(tx: Queryable, projectId: string, granularity: Granularity, chunk: Date[], since: Date): Promise<void> {
  const stepMs = granularityMs[granularity];
  const from = new Date(Math.min(...chunk.map((bucket) => bucket.getTime())));
  const to = new Date(Math.max(...chunk.map((bucket) => bucket.getTime())) + stepMs);
  const starts = chunk.map((bucket) => bucket.toISOString());
  await tx.$executeRaw`
    DELETE FROM metric_rollups
    WHERE project_id = ${projectId}::uuid AND granularity = ${granularity}::"RollupGranularity" AND bucket_start = ANY(${starts}::timestamptz[])`;
  // One pass over the traces yields the "all" row and one row per model, release and
  // prompt version (GROUPING SETS); GROUPING() tells which set a result row belongs to.
  // Each trace brings its feedback summary (feedbackSignals.ts) from a lateral join; the
  // figures' SQL is traceFigureSql.ts's, shared with the alert windows rollups cannot answer.
  await tx.$executeRaw`
    INSERT INTO metric_rollups (project_id, granularity, bucket_start, dimension, value, requests, errors,
      latency_count, latency_sum_ms, latency_hist, ttft_count, ttft_hist, cost_usd, input_tokens, output_tokens,
      feedback_events, thumbs_up, thumbs_down, rating_count, rating_sum, negative_traces, cost_sq_usd, rating_sq_sum)
    SELECT project_id, ${granularity}::"RollupGranularity", bucket,
      CASE WHEN GROUPING(model) = 0 THEN 'model' WHEN GROUPING(release) = 0 THEN 'release'
           WHEN GROUPING(prompt_version) = 0 THEN 'promptVersion' ELSE 'all' END,
      coalesce(model, release, prompt_version, ''),
      ${traceFigureAggregates({ histograms: true })}
    FROM (
      SELECT project_id, date_trunc(${granularity}, start_time, 'UTC') AS bucket, coalesce(model, '') AS model,
        coalesce(release, '') AS release, coalesce(prompt_version, '') AS prompt_version, status, latency_ms, ttft_ms,
        cost_usd, input_tokens, output_tokens, fb.events AS feedback_events, fb.thumb, fb.rating_share, fb.negative
      FROM traces
      JOIN unnest(${starts}::timestamptz[]) AS wanted(bucket) ON wanted.bucket = date_trunc(${granularity}, start_time, 'UTC')
      ${feedbackSummaryJoin(true)}
      WHERE project_id = ${projectId}::uuid AND start_time >= ${from} AND start_time < ${to}
    ) AS t
    GROUP BY project_id, bucket, GROUPING SETS ((), (model), (release), (prompt_version))`;
  await rebuildScoreBuckets(tx, projectId, granularity, starts, from, to);
  if (granularity === "day") await refreshReleaseUserDays(tx, projectId, since, from, to);
}

async function withProjectLock<T>(database: Database, projectId: string, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return database.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('rollups:' || ${projectId}, 0))`;
      return work(tx);
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}

/**
 * Brings a project's rollups up to date with every trace written since the last
 * refresh. Runs off the insert path (ingest never touches rollups). Buckets are rebuilt
 * a chunk per transaction, so a first build over months of history never holds one
 * transaction for long; rebuilding a bucket is idempotent, and the watermark moves only
 * once every touched bucket is rebuilt.
 */
export async function refreshRollups(database: Database, projectId: string): Promise<void> {
  const state = await database.rollupState.findUnique({ where: { projectId }, select: { refreshedUntil: true } });
  const since = state?.refreshedUntil ?? new Date(0);
  // The watermark follows the clock that stamps updated_at (this process's, via Prisma
  // and ingest), not the time a dashboard asks about.
  const refreshedUntil = new Date(Math.max(since.getTime(), Date.now() - commitLagMs));
  // Buckets of traces that changed (where they are and where they were), and of traces
  // that received feedback or scores, since the watermark.
  const touched = await database.$queryRaw<{ minute: Date }[]>`
    SELECT date_trunc('minute', start_time, 'UTC') AS minute FROM traces
    WHERE project_id = ${projectId}::uuid AND updated_at > ${since}
    UNION
    SELECT date_trunc('minute', start_time, 'UTC') FROM trace_moves
    WHERE project_id = ${projectId}::uuid AND moved_at > ${since}
    UNION
    SELECT date_trunc('minute', t.start_time, 'UTC') FROM feedback_events f
    JOIN traces t ON t.project_id = f.project_id AND t.id = f.trace_id
    WHERE f.project_id = ${projectId}::uuid AND f.received_at > ${since}
    UNION
    SELECT date_trunc('minute', t.start_time, 'UTC') FROM scores s
    JOIN traces t ON t.project_id = s.project_id AND t.id = s.trace_id
    WHERE s.project_id = ${projectId}::uuid AND s.created_at > ${since}`;
  const minutes = touched.map((row) => row.minute).sort((a, b) => a.getTime() - b.getTime());
  const containing = (granularity: Granularity) =>
    [...new Set(minutes.map((minute) => Math.floor(minute.getTime() / granularityMs[granularity]) * granularityMs[granularity]))].map(
      (ms) => new Date(ms),
    );
  for (const [granularity, buckets] of [
    ["minute", minutes],
    ["hour", containing("hour")],
    ["day", containing("day")],
  ] as const) {
    const size = chunkSize(granularity);
    for (let i = 0; i < buckets.length; i += size) {
      await withProjectLock(database, projectId, (tx) => rebuildBuckets(tx, projectId, granularity, buckets.slice(i, i + size), since));
    }
  }
  await database.rollupState.upsert({ where: { projectId }, create: { projectId, refreshedUntil }, update: { refreshedUntil } });
  // Moves up to the new watermark were committed before this pass read them (the same
  // assumption as the watermark's) and are rebuilt; a project that goes quiet keeps none.
  await database.traceMove.deleteMany({ where: { projectId, movedAt: { lte: refreshedUntil } } });
}
