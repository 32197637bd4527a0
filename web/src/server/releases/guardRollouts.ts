import type { RolloutCheck } from "@/contracts/rollouts";
import { maxComparisonDays } from "@/contracts/releases";
import type { Database } from "@/server/db/client";
import { eachProjectIsolated } from "@/server/jobs/eachProjectIsolated";
import { compareReleases } from "@/server/releases/compareReleases";
import { guardCheck } from "@/server/releases/rolloutGuard";
import { rolloutSelect, storedGuardrails, type RolloutRow } from "@/server/releases/rollouts";
import { moveRollout, nextStage, pauseMove, rollbackMove, type RolloutMove } from "@/server/releases/rolloutTransitions";

const minuteMs = 60_000;

/**
 * One look at one running or paused rollout: the comparison since its stage began (the
 * only period with its current share, so users per release can be checked against it),
 * the guardrails, and the move they call for. All its clocks are stored, so a restart
 * resumes where it was: a stage's dwell time counts from when the share took effect.
 */
export async function guardRollout(database: Database, projectId: string, row: RolloutRow, now: Date): Promise<RolloutCheck | null> {
  if (row.state !== "running" && row.state !== "paused") return null;
  // Whole minutes after the share took effect (rollups are cut by minute): the minute it
  // changed in still holds the old split's traffic.
  const from = Math.max(Math.ceil(row.stageStartedAt.getTime() / minuteMs) * minuteMs, now.getTime() - maxComparisonDays * 86_400_000);
  if (now.getTime() - from < minuteMs) return null;
  const comparison = await compareReleases(
    database,
    projectId,
    {
      baseline: row.baseline,
      candidate: row.candidate,
      range: "7d",
      from: new Date(from).toISOString(),
      to: now.toISOString(),
      candidateShare: row.candidateShare,
      minSamples: row.minSamples,
    },
    now,
  );
  // No trace names a user: the split cannot be checked, which is no evidence of a mismatch.
  if (comparison.srm && comparison.srm.units.baseline + comparison.srm.units.candidate === 0) comparison.srm = null;
  const dwellLeftMs = row.stageStartedAt.getTime() + row.minDwellSeconds * 1000 - now.getTime();
  const next = nextStage(row);
  const check = guardCheck(
    comparison,
    storedGuardrails(row),
    row.minSamples,
    { state: row.state, dwellElapsed: dwellLeftMs <= 0, dwellLeftSeconds: Math.max(0, dwellLeftMs / 1000), nextShare: next.candidateShare },
    now,
  );
  const move: RolloutMove | null =
    check.decision === "advance"
      ? next
      : check.decision === "pause"
        ? pauseMove(row)
        : check.decision === "rollback"
          ? rollbackMove(row)
          : null;
  if (move) {
    await moveRollout(database, projectId, row, move, { actor: "guard", reason: check.reason, evidence: check, announce: true }, now);
  } else {
    // Only the look is recorded; a person's change made meanwhile is left as it is.
    await database.rollout.updateMany({
      where: { id: row.id, state: row.state, stageIndex: row.stageIndex, stageStartedAt: row.stageStartedAt },
      data: { checkedAt: now, lastCheck: check },
    });
  }
  return check;
}

/** Every running or paused rollout of every project, one project's failure isolated from the rest. */
export async function guardRollouts(database: Database, now: Date): Promise<void> {
  const rows = await database.rollout.findMany({
    where: { state: { in: ["running", "paused"] } },
    select: { ...rolloutSelect, projectId: true },
    orderBy: [{ projectId: "asc" }, { key: "asc" }],
  });
  const projectIds = [...new Set(rows.map((row) => row.projectId))];
  await eachProjectIsolated("Rollout guard", projectIds, async (projectId) => {
    for (const row of rows.filter((candidate) => candidate.projectId === projectId)) await guardRollout(database, projectId, row, now);
  });
}
