import { endpoint } from "@/server/api/endpoint";
import { callerProjectId } from "@/server/api/caller";
import { keyOrProjectParams } from "@/contracts/common";
import {
  backfillListSchema,
  backfillRequestSchema,
  backfillStartedSchema,
  evaluatorInputSchema,
  evaluatorListSchema,
  evaluatorParams,
  evaluatorSchema,
  evaluatorUpdateSchema,
  judgeCallListSchema,
  judgeCallQuerySchema,
} from "@/contracts/evaluators";
import { instanceSecret } from "@/server/auth/instanceSecret";
import { checkAnswerJsonSchema } from "@/server/evaluation/builtin/formatAnswerSchema";
import { outboundUrlProblemNow } from "@/server/http/outboundUrls";
import { processOutboundPolicy } from "@/server/http/processOutboundPolicy";
import { createEvaluator, getEvaluator, listEvaluators, updateEvaluator, type EvaluatorDependencies } from "@/server/evaluation/evaluators";
import { listBackfills, startBackfill } from "@/server/evaluation/backfill";
import { listJudgeCalls } from "@/server/evaluation/judgeCalls";
import { evaluatorAgreement } from "@/server/evaluation/agreement/evaluatorAgreement";
import { evaluatorAgreementSchema } from "@/contracts/evaluatorAgreement";
import { processJobs } from "@/server/jobs/processJobs";

const configuration: EvaluatorDependencies = {
  instanceSecret,
  checkAnswerJsonSchema,
  checkJudgeBaseUrl: (url) => outboundUrlProblemNow(url, processOutboundPolicy()),
};

export const evaluatorCreateRoute = endpoint({
  method: "POST",
  path: ["/api/v1/evaluators", "/api/v1/projects/{projectId}/evaluators"],
  summary: "Add an evaluator: a built-in (pii_leak, toxicity, faithfulness, relevance, refusal, format) or an LLM judge",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "evaluators:manage",
  params: keyOrProjectParams,
  body: evaluatorInputSchema,
  status: 201,
  response: evaluatorSchema,
  answers: "Created; it scores traces that settle from now on (older ones: a backfill)",
  handler: ({ database, caller, body, now }) => createEvaluator(database, callerProjectId(caller), body, configuration, now),
});

export const evaluatorListRoute = endpoint({
  method: "GET",
  path: ["/api/v1/evaluators", "/api/v1/projects/{projectId}/evaluators"],
  summary: "The project's evaluators with their state, counts of the current version's outcomes and today's judge spending",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "traces:read",
  params: keyOrProjectParams,
  response: evaluatorListSchema,
  answers: "The evaluators, oldest first",
  handler: async ({ database, caller, now }) => ({ data: await listEvaluators(database, callerProjectId(caller), now) }),
});

export const evaluatorGetRoute = endpoint({
  method: "GET",
  path: ["/api/v1/evaluators/{evaluatorId}", "/api/v1/projects/{projectId}/evaluators/{evaluatorId}"],
  summary: "One evaluator",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "traces:read",
  params: evaluatorParams,
  response: evaluatorSchema,
  answers: "The evaluator",
  handler: ({ database, caller, params, now }) => getEvaluator(database, callerProjectId(caller), params.evaluatorId, now),
});

export const evaluatorUpdateRoute = endpoint({
  method: "PATCH",
  path: ["/api/v1/evaluators/{evaluatorId}", "/api/v1/projects/{projectId}/evaluators/{evaluatorId}"],
  summary: "Pause, resume or change an evaluator (a change to what it scores starts a new version)",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "evaluators:manage",
  params: evaluatorParams,
  body: evaluatorUpdateSchema,
  response: evaluatorSchema,
  answers: "The evaluator as changed",
  handler: ({ database, caller, params, body, now }) =>
    updateEvaluator(database, callerProjectId(caller), params.evaluatorId, body, configuration, now),
});

export const evaluatorBackfillRoute = endpoint({
  method: "POST",
  path: ["/api/v1/evaluators/{evaluatorId}/backfill", "/api/v1/projects/{projectId}/evaluators/{evaluatorId}/backfill"],
  summary: "Score the traces that started in a time range (at most 90 days) with the evaluator's current version",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "evaluators:manage",
  params: evaluatorParams,
  body: backfillRequestSchema,
  status: 202,
  response: backfillStartedSchema,
  answers: "Started: the job queues the traces; follow the progress on the evaluator's backfills",
  handler: async ({ database, caller, params, body }) => {
    const jobs = await processJobs();
    return startBackfill(database, callerProjectId(caller), params.evaluatorId, body, jobs.context.sendOne);
  },
});

export const evaluatorBackfillListRoute = endpoint({
  method: "GET",
  path: ["/api/v1/evaluators/{evaluatorId}/backfills", "/api/v1/projects/{projectId}/evaluators/{evaluatorId}/backfills"],
  summary: "The evaluator's latest backfills with their progress",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "traces:read",
  params: evaluatorParams,
  response: backfillListSchema,
  answers: "Newest first",
  handler: async ({ database, caller, params }) => ({ data: await listBackfills(database, callerProjectId(caller), params.evaluatorId) }),
});

export const evaluatorAgreementRoute = endpoint({
  method: "GET",
  path: ["/api/v1/evaluators/{evaluatorId}/agreement", "/api/v1/projects/{projectId}/evaluators/{evaluatorId}/agreement"],
  summary:
    "How far annotators agree with the evaluator, per score name: against their corrections (kappa, correlation, F1) and their verdicts on the same traces (F1, kappa), each with its sample size",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "traces:read",
  params: evaluatorParams,
  response: evaluatorAgreementSchema,
  answers: "The figures; null where undefined (too few pairs, or no variation to agree on)",
  handler: ({ database, caller, params }) => evaluatorAgreement(database, callerProjectId(caller), params.evaluatorId),
});

export const judgeCallListRoute = endpoint({
  method: "GET",
  path: ["/api/v1/judge-calls", "/api/v1/projects/{projectId}/judge-calls"],
  summary: "Every call an LLM judge made for a trace: prompt, answer, tokens, cost, latency",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "traces:read",
  params: keyOrProjectParams,
  query: judgeCallQuerySchema,
  response: judgeCallListSchema,
  answers: "Oldest first; a call that produced a score names it",
  handler: async ({ database, caller, query }) => ({ data: await listJudgeCalls(database, callerProjectId(caller), query.traceId) }),
});

export const evaluatorEndpoints = [
  evaluatorCreateRoute,
  evaluatorListRoute,
  evaluatorGetRoute,
  evaluatorUpdateRoute,
  evaluatorBackfillRoute,
  evaluatorBackfillListRoute,
  evaluatorAgreementRoute,
  judgeCallListRoute,
] as const;
