import type { Database } from "@/server/db/client";
import { startIntervalJob } from "@/server/jobs/intervalJob";
import { routeNewFeedback } from "@/server/review/routeFeedback";

/** One pass: routes the feedback of every project that received some since its last routing. */
export async function runReviewRoutingOnce(database: Database, now: Date): Promise<number> {
  const pending = await database.$queryRaw<{ id: string }[]>`
    SELECT p.id FROM projects p LEFT JOIN review_routing_states s ON s.project_id = p.id
    WHERE EXISTS (SELECT 1 FROM feedback_events f WHERE f.project_id = p.id AND f.received_at > coalesce(s.routed_until, 'epoch'::timestamptz))`;
  for (const { id } of pending) await routeNewFeedback(database, id, now);
  return pending.length;
}

/** Negative feedback reaches the queue within seconds, without anyone opening it. */
export function startReviewRoutingJob(database: () => Database): () => void {
  return startIntervalJob("Review routing job", 10_000, () => runReviewRoutingOnce(database(), new Date()));
}
