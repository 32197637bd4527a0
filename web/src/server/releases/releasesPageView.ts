import { db, type Queryable } from "@/server/db/client";
import { releaseComparisonQuerySchema, type ReleaseComparison, type ReleaseComparisonQuery } from "@/contracts/releases";
import type { Rollout, RolloutEvent } from "@/contracts/rollouts";
import { firstParam, type SearchParams } from "@/server/console/searchParams";
import { can, type Role } from "@/server/auth/permissions";
import { compareReleases } from "@/server/releases/compareReleases";
import { listRollouts, rolloutHistory } from "@/server/releases/rollouts";
import { listAlertChannels } from "@/server/alerts/alertChannels";
import { listScoreConfigs } from "@/server/scores/scoreConfigs";

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

/** The rollout the URL names (?rollout=key), with its history. */
export interface SelectedRollout {
  rollout: Rollout;
  history: RolloutEvent[];
}

export interface ReleasesPageView {
  projectId: string;
  /** May start, promote, pause, resume and roll back rollouts. */
  manageable: boolean;
  rollouts: Rollout[];
  selected: SelectedRollout | null;
  /** The alert channels a new rollout may announce to (empty for those who may not start one). */
  channels: { id: string; name: string }[];
  /** Numeric and boolean scores a new rollout may guard (empty for those who may not start one). */
  guardableScores: string[];
  releases: RecentRelease[];
  /** Null with fewer than two releases: there is nothing to compare. */
  query: ReleaseComparisonQuery | null;
  comparison: ReleaseComparison | null;
  /** What was wrong with the URL's choice; the page then compares the defaults. */
  error: string | null;
}

/**
 * The releases page: the project's rollouts (the one the URL names in detail), and the URL's
 * baseline and candidate compared over its range. By default that is the selected rollout's
 * pair, else the newest release against the one that served the most before it, over 7 days.
 */
export async function releasesPageView(
  projectId: string,
  role: Role,
  params: SearchParams,
  now: Date = new Date(),
): Promise<ReleasesPageView> {
  const database = db();
  const manageable = can(role, "rollouts:manage");
  const [releases, rollouts, channels, scoreConfigs] = await Promise.all([
    recentReleases(database, projectId, now),
    listRollouts(database, projectId),
    manageable ? listAlertChannels(database, projectId) : [],
    manageable ? listScoreConfigs(database, projectId) : [],
  ]);
  const selectedKey = firstParam(params.rollout);
  const rollout = rollouts.find((entry) => entry.key === selectedKey);
  const selected = rollout ? { rollout, history: await rolloutHistory(database, projectId, rollout.key) } : null;
  const page = {
    projectId,
    manageable,
    rollouts,
    selected,
    channels: channels.map(({ id, name }) => ({ id, name })),
    // A comparison has a mean only of numbers and booleans, so only those can be guarded.
    guardableScores: scoreConfigs.filter((config) => config.dataType !== "categorical").map((config) => config.name),
    releases,
  };
  const [newest, ...older] = releases;
  const busiest = older.toSorted((a, b) => b.requests - a.requests)[0];
  const defaults = rollout
    ? { baseline: rollout.baseline, candidate: rollout.candidate }
    : newest && busiest
      ? { baseline: busiest.release, candidate: newest.release }
      : null;
  if (!defaults) return { ...page, query: null, comparison: null, error: null };
  const asked = releaseComparisonQuerySchema.safeParse({
    baseline: firstParam(params.baseline) ?? defaults.baseline,
    candidate: firstParam(params.candidate) ?? defaults.candidate,
    ...(firstParam(params.range) ? { range: firstParam(params.range) } : {}),
  });
  const query = asked.success ? asked.data : releaseComparisonQuerySchema.parse(defaults);
  const error = asked.success ? null : asked.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
  return { ...page, query, comparison: await compareReleases(database, projectId, query, now), error };
}
