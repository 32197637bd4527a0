import { endpoint } from "@/server/api/endpoint";
import { callerActor, callerProjectId } from "@/server/api/caller";
import { cacheableJson } from "@/server/api/cacheableJson";
import { keyOrProjectParams } from "@/contracts/common";
import {
  assignmentSchema,
  assignQuerySchema,
  rolloutHistorySchema,
  rolloutInputSchema,
  rolloutListSchema,
  rolloutParams,
  rolloutSchema,
  rolloutSplitSchema,
} from "@/contracts/rollouts";
import { assignRelease } from "@liveloop/widget/server";
import { createRollout, listRollouts, readRollout, rolloutHistory, rolloutSplit, unknownRollout } from "@/server/releases/rollouts";
import { cachedRollout } from "@/server/releases/rolloutSplitCache";
import { actOnRollout, type ManualRolloutAction } from "@/server/releases/rolloutTransitions";
import type { Database } from "@/server/db/client";

const rolloutPaths = <Tail extends string>(tail: Tail) =>
  [`/api/v1/rollouts${tail}`, `/api/v1/projects/{projectId}/rollouts${tail}`] as const;

// Applications may keep a split this long: a rollback reaches them within it (plus the
// server's own 2 s cache).
const splitMaxAgeSeconds = 10;

async function splitOf(database: Database, projectId: string, key: string, now: Date) {
  const row = await cachedRollout(projectId, key, now, () => readRollout(database, projectId, key));
  if (!row) throw unknownRollout(key);
  return rolloutSplit(row);
}

export const rolloutCreateRoute = endpoint({
  method: "POST",
  path: rolloutPaths(""),
  summary: "Start a rollout: the candidate release meets users a stage at a time, and a guard moves it on or rolls it back",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "rollouts:manage",
  params: keyOrProjectParams,
  body: rolloutInputSchema,
  status: 201,
  response: rolloutSchema,
  answers: "Started at its first stage",
  handler: ({ database, caller, body, now }) => createRollout(database, callerProjectId(caller), body, callerActor(caller), now),
});

export const rolloutListRoute = endpoint({
  method: "GET",
  path: rolloutPaths(""),
  summary: "The project's rollouts with their stage, state and the guard's last look",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "rollouts:read",
  params: keyOrProjectParams,
  response: rolloutListSchema,
  answers: "Most recently changed first",
  handler: async ({ database, caller }) => ({ rollouts: await listRollouts(database, callerProjectId(caller)) }),
});

export const rolloutSplitRoute = endpoint({
  method: "GET",
  path: rolloutPaths("/{key}"),
  summary: "A rollout's split and salt, for applications that assign users themselves (assignRelease); cacheable for 10 s",
  auth: "keyOrSession",
  browser: true,
  // Applications ask on their users' requests: answered before Next's pipeline.
  lean: true,
  permission: "rollouts:read",
  params: rolloutParams,
  invalidParams: "badRequest",
  response: rolloutSplitSchema,
  answers: "The split (with ETag; 304 when If-None-Match still matches)",
  handler: async ({ database, caller, params, request, now }) =>
    cacheableJson(request, await splitOf(database, callerProjectId(caller), params.key, now), splitMaxAgeSeconds),
});

export const rolloutAssignRoute = endpoint({
  method: "GET",
  path: rolloutPaths("/{key}/assign"),
  summary: "The release that serves one user (or session) in a rollout: sticky while the candidate's share grows",
  auth: "keyOrSession",
  browser: true,
  lean: true,
  permission: "rollouts:read",
  params: rolloutParams,
  invalidParams: "badRequest",
  query: assignQuerySchema,
  response: assignmentSchema,
  answers: "The release and the unit's bucket",
  handler: async ({ database, caller, params, query, request, now }) => {
    const split = await splitOf(database, callerProjectId(caller), params.key, now);
    const assignment = assignRelease(split, query.unit);
    return cacheableJson(request, { ...assignment, candidateShare: split.candidateShare }, splitMaxAgeSeconds);
  },
});

export const rolloutHistoryRoute = endpoint({
  method: "GET",
  path: rolloutPaths("/{key}/events"),
  summary: "Every change of a rollout's share or state, by whom and why, with the guard's evidence",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "rollouts:read",
  params: rolloutParams,
  invalidParams: "badRequest",
  response: rolloutHistorySchema,
  answers: "Newest first",
  handler: async ({ database, caller, params }) => ({ events: await rolloutHistory(database, callerProjectId(caller), params.key) }),
});

const actionSummaries: Record<ManualRolloutAction, string> = {
  promote: "Move a rollout to its next stage now (the last stage completes it)",
  pause: "Hold a rollout at its stage: the guard stops advancing it (it still rolls back on a breach)",
  resume: "Let the guard watch a paused rollout again; the stage's dwell time starts again",
  rollback: "Roll a rollout back: the candidate serves nobody",
};

const actionRoute = <Action extends ManualRolloutAction>(action: Action) =>
  endpoint({
    method: "POST",
    path: rolloutPaths(`/{key}/${action}`),
    summary: actionSummaries[action],
    auth: "keyOrSession",
    keyKinds: ["secret"],
    permission: "rollouts:manage",
    params: rolloutParams,
    invalidParams: "badRequest",
    response: rolloutSchema,
    answers: "The rollout after the action (unchanged when it was already there)",
    handler: ({ database, caller, params, now }) =>
      actOnRollout(database, callerProjectId(caller), params.key, action, callerActor(caller), now),
  });

export const rolloutEndpoints = [
  rolloutCreateRoute,
  rolloutListRoute,
  rolloutSplitRoute,
  rolloutAssignRoute,
  rolloutHistoryRoute,
  actionRoute("promote"),
  actionRoute("pause"),
  actionRoute("resume"),
  actionRoute("rollback"),
] as const;
