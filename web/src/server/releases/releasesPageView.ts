import { db, type Queryable } from "@/server/db/client";
import { releaseComparisonQuerySchema, type ReleaseComparison, type ReleaseComparisonQuery } from "@/contracts/releases";
import { firstParam, type SearchParams } from "@/server/console/searchParams";
import { compareReleases } from "@/server/releases/compareReleases";

/** A release label seen on traces, with when it first and last served and how much. */
export interface RecentRelease {
  release: string;
  firstSeen: Date;
  lastSeen: Date;
  requests: number;
}

const recentDays = 90;

/** Releases that served in the last 90 days, newest first (from the hour rollups; within an hour, the later label first). */
export async function recentReleases(database: Queryable, projectId: string, now: Date): Promise<RecentRelease[]> {
  const since = new Date(now.getTime() - recentDays * 86_400_000);
  return database.$queryRaw<RecentRelease[]>`
    SELECT value AS release, min(bucket_start) AS "firstSeen", max(bucket_start) AS "lastSeen", sum(requests)::int AS requests
    FROM metric_rollups
    WHERE project_id = ${projectId}::uuid AND granularity = 'hour' AND dimension = 'release' AND value <> '' AND bucket_start >= ${since}
    GROUP BY value ORDER BY min(bucket_start) DESC, value DESC LIMIT 100`;
}

export interface ReleasesPageView {
  releases: RecentRelease[];
  /** Null with fewer than two releases: there is nothing to compare. */
  query: ReleaseComparisonQuery | null;
  comparison: ReleaseComparison | null;
  /** What was wrong with the URL's choice; the page then compares the defaults. */
  error: string | null;
}

/**
 * The releases page: the URL's baseline, candidate and range, by default the newest release
 * against the one that served the most before it, over the last 7 days.
 */
export async function releasesPageView(projectId: string, params: SearchParams, now: Date = new Date()): Promise<ReleasesPageView> {
  const database = db();
  const releases = await recentReleases(database, projectId, now);
  const [newest, ...older] = releases;
  const busiest = older.toSorted((a, b) => b.requests - a.requests)[0];
  if (!newest || !busiest) return { releases, query: null, comparison: null, error: null };
  const defaults = { baseline: busiest.release, candidate: newest.release };
  const asked = releaseComparisonQuerySchema.safeParse({
    baseline: firstParam(params.baseline) ?? defaults.baseline,
    candidate: firstParam(params.candidate) ?? defaults.candidate,
    ...(firstParam(params.range) ? { range: firstParam(params.range) } : {}),
  });
  const query = asked.success ? asked.data : releaseComparisonQuerySchema.parse(defaults);
  const error = asked.success ? null : asked.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
  return { releases, query, comparison: await compareReleases(database, projectId, query, now), error };
}
