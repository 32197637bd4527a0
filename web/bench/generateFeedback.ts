import type { Queryable } from "../src/server/db/client.ts";
import { defaultTraceShape, shapeSpanMs, type TraceShape } from "./generateTraces.ts";

/**
 * Feedback spread over `traces` traces made by generateTraces with the same shape (their
 * ids and start times), 20 seconds after each answer: thumbs with about 20 % down, a
 * rating every fifth event, a rephrase every fiftieth. Event i goes to trace 1 + i % traces.
 */
export async function generateFeedback(
  database: Queryable,
  projectId: string,
  count: number,
  traces: number,
  now: Date,
  shape: TraceShape = defaultTraceShape,
): Promise<void> {
  const chunk = 250_000;
  const spanMs = shapeSpanMs(shape);
  for (let offset = 0; offset < count; offset += chunk) {
    const size = Math.min(chunk, count - offset);
    await database.$executeRaw`
      INSERT INTO feedback_events (project_id, id, type, trace_id, user_id, value, scale, reasons, occurred_at, received_at)
      SELECT ${projectId}::uuid, ${shape.idPrefix} || 'fb-' || g, kind::"FeedbackType", ${shape.idPrefix} || t,
        'user-' || (t % 20000),
        CASE kind WHEN 'thumb' THEN (CASE WHEN (g * 31) % 10 < 2 THEN -1 ELSE 1 END) WHEN 'rating' THEN 1 + g % 5 ELSE NULL END,
        CASE kind WHEN 'rating' THEN 5 ELSE NULL END, '{}', occurred, occurred
      FROM (
        SELECT g, t, CASE WHEN g % 50 = 0 THEN 'rephrase' WHEN g % 5 = 0 THEN 'rating' ELSE 'thumb' END AS kind,
          ${now}::timestamptz - make_interval(secs => ((t::bigint * 7919) % ${spanMs}::bigint) / 1000.0) + interval '20 seconds' AS occurred
        FROM (SELECT g, 1 + g % ${traces}::int AS t FROM generate_series(${offset + 1}::int, ${offset + size}::int) AS g) AS ids
      ) AS rows`;
  }
}
