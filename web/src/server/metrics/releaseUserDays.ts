import type { Queryable } from "@/server/db/client";

const dayMs = 86_400_000;

/**
 * Brings release_user_days up to date for the users whose traces changed since the
 * watermark, over one chunk of days [from, to): each such user's rows of each such day are
 * recomputed from all their traces of that day, and rows no trace holds any more are
 * deleted. The pairs include where changed traces were before (trace_moves), so a trace
 * re-sent under another user id, without one, or on another day leaves no row behind. Run
 * in the transaction and under the lock that rebuilds the same days of metric_rollups.
 *
 * Per user rather than per day: rebuilding a whole day grouped a busy project's 150 000
 * traces of today on every pass of the rollup job (0.5 s, a third of the pass); the users
 * of the last minutes' traces are a few hundred, read through traces' (user, start) index.
 *
 * One statement: the touched pairs are worked out once, and the delete (of rows not in
 * the fresh result) and the upsert change disjoint rows under one snapshot. A day is 24
 * hours, not interval '24 hours', which follows the session's time zone across DST.
 */
export async function refreshReleaseUserDays(tx: Queryable, projectId: string, since: Date, from: Date, to: Date): Promise<void> {
  await tx.$executeRaw`
    WITH touched AS (
      SELECT user_id, date_trunc('day', start_time, 'UTC') AS day FROM traces
      WHERE project_id = ${projectId}::uuid AND updated_at > ${since} AND start_time >= ${from} AND start_time < ${to} AND user_id IS NOT NULL
      UNION
      SELECT user_id, date_trunc('day', start_time, 'UTC') FROM trace_moves
      WHERE project_id = ${projectId}::uuid AND moved_at > ${since} AND start_time >= ${from} AND start_time < ${to} AND user_id IS NOT NULL
    ),
    fresh AS (
      SELECT t.release, touched.day, t.user_id, min(t.start_time) AS first_seen, max(t.start_time) AS last_seen
      FROM touched
      JOIN traces t ON t.project_id = ${projectId}::uuid AND t.user_id = touched.user_id
        AND t.start_time >= touched.day AND t.start_time < touched.day + interval '24 hours'
      WHERE t.release IS NOT NULL
      GROUP BY 1, 2, 3
    ),
    stale AS (
      DELETE FROM release_user_days r USING touched
      WHERE r.project_id = ${projectId}::uuid AND r.user_id = touched.user_id AND r.day = touched.day
        AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.release = r.release AND f.day = r.day AND f.user_id = r.user_id)
    )
    INSERT INTO release_user_days (project_id, release, day, user_id, first_seen, last_seen)
    SELECT ${projectId}::uuid, release, day, user_id, first_seen, last_seen FROM fresh
    ON CONFLICT (project_id, release, day, user_id) DO UPDATE SET first_seen = EXCLUDED.first_seen, last_seen = EXCLUDED.last_seen`;
}

/**
 * Distinct users per release over [from, to), exactly, from release_user_days: every row
 * of a whole day inside the period, on a partial first day the users whose last trace is
 * at or after `from`, on a partial last day those whose first trace is before `to`. A
 * period cut at both ends inside one day cannot be told from a day's first and last
 * trace, so it counts the raw traces (a day of them at most).
 *
 * DISTINCT pairs, then a count, rather than count(DISTINCT user_id): PostgreSQL sorts every
 * row for count(DISTINCT) but hashes the pairs, in parallel.
 */
export async function countReleaseUsers(
  database: Queryable,
  projectId: string,
  releases: string[],
  from: Date,
  to: Date,
): Promise<Map<string, number>> {
  const firstDay = new Date(Math.floor(from.getTime() / dayMs) * dayMs);
  const lastDay = new Date(Math.floor((to.getTime() - 1) / dayMs) * dayMs);
  const partialAtBothEnds = from > firstDay && to.getTime() < lastDay.getTime() + dayMs;
  const rows =
    firstDay.getTime() === lastDay.getTime() && partialAtBothEnds
      ? await database.$queryRaw<{ release: string; users: number }[]>`
          SELECT release, count(*)::int AS users FROM (
            SELECT DISTINCT release, user_id FROM traces
            WHERE project_id = ${projectId}::uuid AND release = ANY(${releases}::text[])
              AND start_time >= ${from} AND start_time < ${to} AND user_id IS NOT NULL
          ) AS pairs
          GROUP BY release`
      : await database.$queryRaw<{ release: string; users: number }[]>`
          SELECT release, count(*)::int AS users FROM (
            SELECT DISTINCT release, user_id FROM release_user_days
            WHERE project_id = ${projectId}::uuid AND release = ANY(${releases}::text[])
              AND day >= ${firstDay} AND day <= ${lastDay}
              AND (day > ${firstDay} OR last_seen >= ${from}) AND (day < ${lastDay} OR first_seen < ${to})
          ) AS pairs
          GROUP BY release`;
  return new Map(rows.map((row) => [row.release, row.users]));
}
