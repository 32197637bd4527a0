import type { Database } from "@/server/db/client";
import { eachProjectIsolated } from "@/server/jobs/eachProjectIsolated";
import { defineJob } from "@/server/jobs/jobDefinition";
import { refreshRollups } from "@/server/metrics/rollups";

/**
 * One pass of the rollup job: refreshes every project that has traces, feedback or scores written
 * since its rollups last caught up. Idempotent, and safe to run from several processes at once
 * (each bucket rebuild takes the project's lock). Returns how many projects it refreshed.
 */
export async function runRollupJobOnce(
  database: Database,
  refresh: (database: Database, projectId: string) => Promise<void> = refreshRollups,
): Promise<number> {
  const stale = await database.$queryRaw<{ id: string }[]>`
    SELECT p.id FROM projects p LEFT JOIN rollup_states s ON s.project_id = p.id
    WHERE EXISTS (SELECT 1 FROM traces t WHERE t.project_id = p.id AND t.updated_at > coalesce(s.refreshed_until, 'epoch'::timestamptz))
       OR EXISTS (SELECT 1 FROM feedback_events f WHERE f.project_id = p.id AND f.received_at > coalesce(s.refreshed_until, 'epoch'::timestamptz))
       OR EXISTS (SELECT 1 FROM scores sc WHERE sc.project_id = p.id AND sc.created_at > coalesce(s.refreshed_until, 'epoch'::timestamptz))`;
  return eachProjectIsolated(
    "Rollup job",
    stale.map(({ id }) => id),
    (projectId) => refresh(database, projectId),
  );
}

/** Keeps rollups current in the background, so dashboards rarely find work to do on read. */
export const rollupJob = defineJob({
  queue: "metric-rollups",
  title: "Metric rollups",
  policy: "stately",
  everySeconds: 30,
  retryLimit: 2,
  retryDelaySeconds: 10,
  expireInSeconds: 15 * 60,
  handle: async (_data, { database }) => {
    await runRollupJobOnce(database);
  },
});
