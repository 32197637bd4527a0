import type { Queryable } from "../src/server/db/client.ts";

/** Where generated traces fall and what they are called; the feedback and scores generated for them follow the same shape. */
export interface TraceShape {
  /** Start times spread over this many days before `now`. */
  days: number;
  /** Release labels, taken in turn by runs of 7 consecutive traces. */
  releases: readonly string[];
  /** Trace ids are this prefix and a number from 1 up. */
  idPrefix: string;
}

export const defaultTraceShape: TraceShape = { days: 30, releases: ["v1", "v2", "v3"], idPrefix: "gen-" };

/** Milliseconds the shape's start times spread over. */
export const shapeSpanMs = (shape: TraceShape) => shape.days * 24 * 3_600_000;

/**
 * Fills a project with `count` synthetic traces spread over the days before `now` (30 by
 * default): 4 models, 3 releases, 5 prompt versions, 20 000 users in 100 000 sessions,
 * about 2% errors, log-normal-ish latencies.
 * Each trace counts as last written when it started, as history would be.
 * Generated inside the database (generate_series), so a million rows take seconds.
 */
export async function generateTraces(
  database: Queryable,
  projectId: string,
  count: number,
  now: Date,
  shape: TraceShape = defaultTraceShape,
): Promise<void> {
  const chunk = 100_000;
  const spanMs = shapeSpanMs(shape);
  for (let offset = 0; offset < count; offset += chunk) {
    const size = Math.min(chunk, count - offset);
    await database.$executeRaw`
      INSERT INTO traces (project_id, id, name, model, release, prompt_version, user_id, session_id, start_time, end_time, first_token_time,
        latency_ms, ttft_ms, input_tokens, output_tokens, cost_usd, cost_source, status, search_text, content_hash, updated_at)
      SELECT ${projectId}::uuid, ${shape.idPrefix} || g, 'chat',
        (ARRAY['gpt-4o','gpt-4o-mini','claude-sonnet-4','gemini-2.5-flash'])[1 + g % 4],
        (${shape.releases}::text[])[1 + (g / 7) % ${shape.releases.length}::int],
        (1 + g % 5)::text, 'user-' || (g % 20000), 'session-' || (g % 100000),
        start_time, start_time + make_interval(secs => latency / 1000.0), start_time + make_interval(secs => latency * 0.3 / 1000.0),
        latency, (latency * 0.3)::int, 400 + g % 300, 60 + g % 90, (400 + g % 300) * 0.0000025 + (60 + g % 90) * 0.00001, 'computed',
        (CASE WHEN g % 50 = 0 THEN 'error' ELSE 'ok' END)::"TraceStatus", '', md5(${shape.idPrefix} || g), start_time
      FROM (
        SELECT g, ${now}::timestamptz - make_interval(secs => ((g::bigint * 7919) % ${spanMs}::bigint) / 1000.0) AS start_time,
          (200 + exp(4 + 3 * ((g::bigint * 104729) % 1000) / 1000.0))::int AS latency
        FROM generate_series(${offset + 1}::int, ${offset + size}::int) AS g
      ) AS rows`;
  }
}
