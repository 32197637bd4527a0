import type { Database } from "@/server/db/client";
import { defineJob } from "@/server/jobs/jobDefinition";
import { routeNewFeedback } from "@/server/review/routeFeedback";
import { eachProjectIsolated } from "@/server/jobs/eachProjectIsolated";
import { builtinScoreConfigs } from "@/server/scores/builtinScoreConfigs";

// Built-in score names that come with a review threshold; a project's own configs add theirs.
const builtinThresholdNames = builtinScoreConfigs.filter((config) => config.reviewThreshold !== null).map((config) => config.name);

/**
 * One pass: routes every project that received feedback since its last routing, or traces
 * (feedback may be waiting for them; see routeNewFeedback), or scores under a name with a
 * review threshold. The look-ups use indexes on (project_id, received_at / updated_at) and
 * (project_id, name, created_at): scores are looked for name by name, so a project's many
 * scores without a threshold cost nothing.
 */
export async function runReviewRoutingOnce(
  database: Database,
  now: Date,
  route: (database: Database, projectId: string, now: Date) => Promise<unknown> = routeNewFeedback,
): Promise<number> {
  const pending = await database.$queryRaw<{ id: string }[]>`
    SELECT p.id FROM projects p LEFT JOIN review_routing_states s ON s.project_id = p.id
    WHERE EXISTS (SELECT 1 FROM feedback_events f WHERE f.project_id = p.id AND f.received_at > coalesce(s.routed_until, 'epoch'::timestamptz))
      OR (s.routed_until IS NOT NULL AND EXISTS (SELECT 1 FROM traces t WHERE t.project_id = p.id AND t.updated_at > s.routed_until))
      OR EXISTS (
        SELECT 1 FROM (
          SELECT unnest(${builtinThresholdNames}::text[])
          UNION SELECT c.name FROM score_configs c WHERE c.project_id = p.id AND c.review_threshold IS NOT NULL
        ) AS n(name)
        WHERE EXISTS (
          SELECT 1 FROM scores sc
          WHERE sc.project_id = p.id AND sc.name = n.name AND sc.created_at > coalesce(s.routed_until, 'epoch'::timestamptz)
        )
      )`;
  return eachProjectIsolated(
    "Review routing job",
    pending.map(({ id }) => id),
    (projectId) => route(database, projectId, now),
  );
}

/** Negative feedback and low scores reach the queue within seconds, without anyone opening it. */
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
