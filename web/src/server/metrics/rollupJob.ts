import type { Database } from "@/server/db/client";
import { isDatabaseUnavailable } from "@/server/db/client";
import { refreshRollups } from "@/server/metrics/rollups";

/**
 * One pass of the rollup job: refreshes every project that has traces or feedback written
 * since its rollups last caught up. Idempotent, and safe to run from several processes at once
 * (each bucket rebuild takes the project's lock).
 */
export async function runRollupJobOnce(database: Database): Promise<number> {
  const stale = await database.$queryRaw<{ id: string }[]>`
    SELECT p.id FROM projects p LEFT JOIN rollup_states s ON s.project_id = p.id
    WHERE EXISTS (SELECT 1 FROM traces t WHERE t.project_id = p.id AND t.updated_at > coalesce(s.refreshed_until, 'epoch'::timestamptz))
       OR EXISTS (SELECT 1 FROM feedback_events f WHERE f.project_id = p.id AND f.received_at > coalesce(s.refreshed_until, 'epoch'::timestamptz))`;
  for (const { id } of stale) await refreshRollups(database, id);
  return stale.length;
}

const intervalMs = 30_000;

/**
 * Keeps rollups current in the background of the web process, so dashboards rarely
 * find work to do on read. A run that is still going is never overlapped; while the
 * database is unreachable the job waits for the next tick.
 */
export function startRollupJob(database: () => Database): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runRollupJobOnce(database())
      .catch((error: unknown) => {
        if (!isDatabaseUnavailable(error)) console.error("Rollup job failed; retrying on the next tick", error);
      })
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}
