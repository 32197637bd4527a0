import type { Database } from "@/server/db/client";
import type { JobContext } from "@/server/jobs/jobDefinition";
import { eachProjectIsolated } from "@/server/jobs/eachProjectIsolated";
import { ensureDriftRun, type DriftWindowKind } from "@/server/drift/driftRuns";

const hourMs = 3_600_000;
/** The scheduled windows and how far back a new baseline looks at first (the page shows 72 hours). */
export const scheduledWindows = [
  { kind: "hour", ms: hourMs, catchUp: 72 },
  { kind: "day", ms: 24 * hourMs, catchUp: 14 },
] as const satisfies readonly { kind: DriftWindowKind; ms: number; catchUp: number }[];

// A window is judged this long after it closes: traces are sent after the answer, and
// batches and retries bring some of them minutes late.
export const driftSettleMs = 10 * 60_000;

/** The windows of one length that have closed and settled by `now`, newest last, at most `catchUp` of them. */
export function closedWindows(now: Date, window: { ms: number; catchUp: number }, after: Date | null): { from: Date; to: Date }[] {
  const lastEnd = Math.floor((now.getTime() - driftSettleMs) / window.ms) * window.ms;
  const earliest = Math.max(lastEnd - window.catchUp * window.ms, after ? after.getTime() : -Infinity);
  const windows: { from: Date; to: Date }[] = [];
  for (let end = lastEnd; end - window.ms >= earliest; end -= window.ms)
    windows.unshift({ from: new Date(end - window.ms), to: new Date(end) });
  return windows;
}

/**
 * One pass of the drift schedule: for every baseline, a run of each hourly and daily window
 * closed since its last scheduled run (the last 72 hours and 14 days for a new baseline).
 * Returns how many runs it queued.
 */
export async function scheduleDriftRuns(database: Database, now: Date, send: JobContext["send"]): Promise<number> {
  const baselines = await database.driftBaseline.findMany({
    where: { OR: [{ hourly: true }, { daily: true }] },
    select: { id: true, projectId: true, hourly: true, daily: true },
  });
  let queued = 0;
  const projectIds = [...new Set(baselines.map((baseline) => baseline.projectId))];
  await eachProjectIsolated("drift schedule", projectIds, async (projectId) => {
    for (const baseline of baselines.filter((entry) => entry.projectId === projectId)) {
      for (const window of scheduledWindows) {
        if (!(window.kind === "hour" ? baseline.hourly : baseline.daily)) continue;
        const latest = await database.driftRun.findFirst({
          where: { baselineId: baseline.id, window: window.kind },
          orderBy: { toTime: "desc" },
          select: { toTime: true },
        });
        for (const range of closedWindows(now, window, latest?.toTime ?? null)) {
          await ensureDriftRun(database, projectId, baseline.id, { kind: window.kind, ...range }, send);
          queued++;
        }
      }
    }
  });
  return queued;
}
