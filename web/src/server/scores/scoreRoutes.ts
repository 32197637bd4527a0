import { endpoint } from "@/server/api/endpoint";
import { callerProjectId } from "@/server/api/caller";
import { batchResponse } from "@/server/api/batchResponse";
import { batchResultSchema } from "@/contracts/batch";
import { keyOrProjectParams, projectIdParams } from "@/contracts/common";
import {
  scoreBatchEnvelopeSchema,
  scoreBatchSchema,
  scoreConfigInputSchema,
  scoreConfigListSchema,
  scoreConfigSchema,
  scoreCorrectionInputSchema,
  scoreCorrectionSchema,
  scoreIdSchema,
  scoreLimits,
  scoreListQuerySchema,
  scoreListSchema,
  scoreNameSchema,
} from "@/contracts/scores";
import { NotFoundError } from "@/server/errors";
import { memberCaller } from "@/server/api/caller";
import { correctScore, removeScoreCorrection } from "@/server/scores/scoreCorrections";
import { ingestScores } from "@/server/scores/ingestScores";
import { listTraceScores } from "@/server/scores/scoreQueries";
import { listScoreConfigs, saveScoreConfig } from "@/server/scores/scoreConfigs";

export const scoreIngestRoute = endpoint({
  method: "POST",
  path: ["/api/v1/scores", "/api/v1/projects/{projectId}/scores"],
  summary: `Store a batch of scores from your own evaluators (secret key; up to ${scoreLimits.maxScores} scores)`,
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "scores:write",
  params: keyOrProjectParams,
  body: scoreBatchEnvelopeSchema,
  documentedBody: scoreBatchSchema,
  maxBodyBytes: scoreLimits.maxBodyBytes,
  response: batchResultSchema,
  answers:
    "All stored or already stored; 207 with the same body when some were rejected (400 invalid or out of range, 404 unknown trace); 404 when every score named a trace the project does not have",
  handler: async ({ database, caller, body, now }) => {
    const result = await ingestScores(database, callerProjectId(caller), body.scores, now);
    const [first] = result.rejected;
    // Nothing stored and every score named a trace the project does not have (another
    // project's, say): the request as a whole is about something that is not there.
    if (first && result.accepted.length === 0 && result.duplicates.length === 0 && result.rejected.every((r) => r.status === 404)) {
      throw new NotFoundError(first.message);
    }
    return batchResponse(result);
  },
});

export const scoreListRoute = endpoint({
  method: "GET",
  path: ["/api/v1/scores", "/api/v1/projects/{projectId}/scores"],
  summary: "A trace's scores, newest first",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "traces:read",
  params: keyOrProjectParams,
  query: scoreListQuerySchema,
  response: scoreListSchema,
  answers: "The trace's scores",
  handler: async ({ database, caller, query }) => ({
    data: await listTraceScores(database, callerProjectId(caller), query.traceId, query.name),
  }),
});

export const scoreConfigListRoute = endpoint({
  method: "GET",
  path: ["/api/v1/score-configs", "/api/v1/projects/{projectId}/score-configs"],
  summary: "What each score name means: type, range or categories, direction, review threshold",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "traces:read",
  params: keyOrProjectParams,
  response: scoreConfigListSchema,
  answers: "The project's score configs, built-in ones included",
  handler: async ({ database, caller }) => ({ data: await listScoreConfigs(database, callerProjectId(caller)) }),
});

export const scoreConfigSaveRoute = endpoint({
  method: "PUT",
  path: ["/api/v1/score-configs/{name}", "/api/v1/projects/{projectId}/score-configs/{name}"],
  summary: "Create or change a score config (built-in names keep their type and range)",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "evaluators:manage",
  params: keyOrProjectParams.extend({ name: scoreNameSchema }),
  invalidParams: "badRequest",
  body: scoreConfigInputSchema,
  response: scoreConfigSchema,
  answers: "The saved config",
  handler: ({ database, caller, params, body }) => saveScoreConfig(database, callerProjectId(caller), params.name, body),
});

const scoreCorrectionParams = projectIdParams.extend({ scoreId: scoreIdSchema });

// Session only: a correction is a person's say (its id and author are the annotator), which
// agreement between people and judges is computed from; a key speaks for no one, and servers
// send their own scores through POST /api/v1/scores.
export const scoreCorrectRoute = endpoint({
  method: "PUT",
  path: "/api/v1/projects/{projectId}/scores/{scoreId}/correction",
  summary: "Correct an evaluator's score: the signed-in annotator's value and reasoning, optionally a few-shot example for the judge",
  auth: "session",
  permission: "review:annotate",
  params: scoreCorrectionParams,
  body: scoreCorrectionInputSchema,
  response: scoreCorrectionSchema,
  answers: "The caller's correction (correcting again changes it); 400 for a score not from an evaluator or a value its config refuses",
  handler: ({ database, caller, params, body, now }) =>
    correctScore(database, params.projectId, params.scoreId, memberCaller(caller).userId, body, now),
});

export const scoreCorrectionRemoveRoute = endpoint({
  method: "DELETE",
  path: "/api/v1/projects/{projectId}/scores/{scoreId}/correction",
  summary: "Take back the signed-in annotator's correction of a score",
  auth: "session",
  permission: "review:annotate",
  params: scoreCorrectionParams,
  answers: "Removed (or there was none)",
  handler: ({ database, caller, params }) => removeScoreCorrection(database, params.projectId, params.scoreId, memberCaller(caller).userId),
});

export const scoreEndpoints = [
  scoreIngestRoute,
  scoreListRoute,
  scoreConfigListRoute,
  scoreConfigSaveRoute,
  scoreCorrectRoute,
  scoreCorrectionRemoveRoute,
] as const;
