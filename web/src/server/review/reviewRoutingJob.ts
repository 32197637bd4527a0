import type { Database } from "@/server/db/client";
import { defineJob } from "@/server/jobs/jobDefinition";
import { routeNewFeedback } from "@/server/review/routeFeedback";
import { eachProjectIsolated } from "@/server/jobs/eachProjectIsolated";

/**
 * One pass: routes every project that received feedback since its last routing, or traces
 * (feedback may be waiting for them; see routeNewFeedback). Both look-ups use an index on
 * (project_id, received_at / updated_at).
 */
export async function runReviewRoutingOnce(
  database: Database,
  now: Date,
  route: (database: Database, projectId: string, now: Date) => Promise<unknown> = routeNewFeedback,
): Promise<number> {
  const pending = await database.$queryRaw<{ id: string }[]>`
    SELECT p.id FROM projects p LEFT JOIN review_routing_states s ON s.project_id = p.id
    WHERE EXISTS (SELECT 1 FROM feedback_events f WHERE f.project_id = p.id AND f.received_at > coalesce(s.routed_until, 'epoch'::timestamptz))
      OR (s.routed_until IS NOT NULL AND EXISTS (SELECT 1 FROM traces t WHERE t.project_id = p.id AND t.updated_at > s.routed_until))`;
  return eachProjectIsolated(
    "Review routing job",
    pending.map(({ id }) => id),
    (projectId) => route(database, projectId, now),
  );
}

/** Negative feedback reaches the queue within seconds, without anyone opening it. */
export const reviewRoutingJob = defineJob({
  queue: "review-routing",
  title: "Review routing",
  policy: "stately",
  everySeconds: 10,
  retryLimit: 2,
  retryDelaySeconds: 5,
  expireInSeconds: 15 * 60,
  handle: async (_data, { database, now }) => {
    await runReviewRoutingOnce(database, now());
  },
});
