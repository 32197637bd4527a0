import type { RolloutNotification } from "@/contracts/alerts";
import type { Rollout, RolloutActionName, RolloutCheck } from "@/contracts/rollouts";
import type { Database } from "@/server/db/client";
import { ConflictError } from "@/server/errors";
import { consoleBaseUrl } from "@/server/alerts/delivery/alertRuleUrl";
import { enqueueAlertNotifications } from "@/server/alerts/delivery/enqueueAlertNotifications";
import { forgetRolloutSplit } from "@/server/releases/rolloutSplitCache";
import { findRollout, rolloutView, type RolloutRow } from "@/server/releases/rollouts";

/** Where a rollout goes: its new stage, share and state, and whether its stage clock starts again. */
export interface RolloutMove {
  action: Exclude<RolloutActionName, "created">;
  stageIndex: number;
  candidateShare: number;
  state: RolloutRow["state"];
  /** A new share (or a fresh look at the same one): the dwell time and the compared period start now. */
  restartStage: boolean;
}

/** The next stage: the last one (everybody on the candidate) completes the rollout. */
export function nextStage(row: Pick<RolloutRow, "stages" | "stageIndex">): RolloutMove {
  const stageIndex = Math.min(row.stageIndex + 1, row.stages.length - 1);
  const candidateShare = row.stages[stageIndex] ?? 1;
  return candidateShare >= 1
    ? { action: "completed", stageIndex, candidateShare: 1, state: "completed", restartStage: true }
    : { action: "advanced", stageIndex, candidateShare, state: "running", restartStage: true };
}

export const rollbackMove = (row: Pick<RolloutRow, "stageIndex">): RolloutMove => ({
  action: "rolled_back",
  stageIndex: row.stageIndex,
  candidateShare: 0,
  state: "rolled_back",
  restartStage: true,
});

export const pauseMove = (row: Pick<RolloutRow, "stageIndex" | "candidateShare">): RolloutMove => ({
  action: "paused",
  stageIndex: row.stageIndex,
  candidateShare: row.candidateShare,
  state: "paused",
  restartStage: false,
});

export const rolloutUrl = (projectId: string, key: string) =>
  `${consoleBaseUrl()}/projects/${projectId}/releases?rollout=${encodeURIComponent(key)}`;

const notificationTypes: Partial<Record<RolloutMove["action"], RolloutNotification["type"]>> = {
  rolled_back: "rollout.rolled_back",
  paused: "rollout.paused",
  advanced: "rollout.advanced",
  completed: "rollout.completed",
};

/**
 * Moves a rollout and records why, in one transaction: only if it is still as `row` saw it
 * (a person and the guard acting at once cannot both move it), with the history event and,
 * when `announce`, a notification to its channels. False when it had changed meanwhile.
 */
export async function moveRollout(
  database: Database,
  projectId: string,
  row: RolloutRow,
  move: RolloutMove,
  record: { actor: string; reason: string; evidence: RolloutCheck | null; announce: boolean },
  now: Date,
): Promise<boolean> {
  const moved = await database.$transaction(async (tx) => {
    const { count } = await tx.rollout.updateMany({
      where: {
        id: row.id,
        state: row.state,
        stageIndex: row.stageIndex,
        candidateShare: row.candidateShare,
        stageStartedAt: row.stageStartedAt,
      },
      data: {
        stageIndex: move.stageIndex,
        candidateShare: move.candidateShare,
        state: move.state,
        stageStartedAt: move.restartStage ? now : row.stageStartedAt,
        ...(record.evidence ? { checkedAt: now, lastCheck: record.evidence } : {}),
      },
    });
    if (count === 0) return false;
    await tx.rolloutEvent.create({
      data: {
        projectId,
        rolloutId: row.id,
        at: now,
        action: move.action,
        actor: record.actor,
        fromShare: row.candidateShare,
        toShare: move.candidateShare,
        stageIndex: move.stageIndex,
        reason: record.reason,
        ...(record.evidence ? { evidence: record.evidence } : {}),
      },
    });
    const type = notificationTypes[move.action];
    if (record.announce && type)
      await enqueueAlertNotifications(tx, {
        projectId,
        ruleId: null,
        channelIds: row.channels.map((channel) => channel.channelId),
        kind: "rollout",
        notification: {
          type,
          timestamp: now.toISOString(),
          data: {
            projectId,
            rolloutKey: row.key,
            baseline: row.baseline,
            candidate: row.candidate,
            fromShare: row.candidateShare,
            toShare: move.candidateShare,
            stage: move.stageIndex,
            reason: record.reason,
            url: rolloutUrl(projectId, row.key),
          },
        },
        now,
      });
    return true;
  });
  if (moved) forgetRolloutSplit(projectId, row.key);
  return moved;
}

export type ManualRolloutAction = "promote" | "pause" | "resume" | "rollback";

/** What a person's action does to a rollout in its state; null when it is already there. */
function manualMove(row: RolloutRow, action: ManualRolloutAction): RolloutMove | null {
  const active = row.state === "running" || row.state === "paused";
  switch (action) {
    case "promote":
      if (!active) throw new ConflictError(`Rollout ${row.key} is ${row.state.replace("_", " ")}: start it again to roll out a candidate`);
      return nextStage(row);
    case "pause":
      if (row.state === "paused") return null;
      if (row.state !== "running")
        throw new ConflictError(`Rollout ${row.key} is ${row.state.replace("_", " ")}: only a running rollout pauses`);
      return pauseMove(row);
    case "resume":
      if (row.state === "running") return null;
      if (row.state !== "paused")
        throw new ConflictError(`Rollout ${row.key} is ${row.state.replace("_", " ")}: only a paused rollout resumes`);
      // A fresh look: the guard paused it on the evidence it had, so it starts the stage's dwell and samples again.
      return { action: "resumed", stageIndex: row.stageIndex, candidateShare: row.candidateShare, state: "running", restartStage: true };
    case "rollback":
      if (row.state === "rolled_back") return null;
      return rollbackMove(row);
  }
}

const manualReasons: Record<RolloutMove["action"], string> = {
  advanced: "Promoted by hand",
  completed: "Promoted by hand to everybody",
  paused: "Paused by hand",
  resumed: "Resumed by hand: the stage's dwell time starts again",
  rolled_back: "Rolled back by hand",
};

/** Promote, pause, resume or roll back by hand; the same action twice changes nothing the second time. */
export async function actOnRollout(
  database: Database,
  projectId: string,
  key: string,
  action: ManualRolloutAction,
  actor: string,
  now: Date,
): Promise<Rollout> {
  const row = await findRollout(database, projectId, key);
  const move = manualMove(row, action);
  if (move) {
    const moved = await moveRollout(
      database,
      projectId,
      row,
      move,
      { actor, reason: manualReasons[move.action], evidence: null, announce: false },
      now,
    );
    if (!moved) throw new ConflictError(`Rollout ${key} changed meanwhile; read it again and decide`);
  }
  return rolloutView(await findRollout(database, projectId, key));
}
