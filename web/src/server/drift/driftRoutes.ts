import { endpoint } from "@/server/api/endpoint";
import { callerProjectId } from "@/server/api/caller";
import { keyOrProjectParams } from "@/contracts/common";
import {
  driftBaselineInputSchema,
  driftDatasetActionSchema,
  driftDatasetResultSchema,
  driftExamplesActionSchema,
  driftReviewResultSchema,
  driftBaselineListSchema,
  driftBaselineSchema,
  driftMapSchema,
  driftRunListQuerySchema,
  driftRunListSchema,
  driftRunParams,
  driftRunRequestSchema,
  driftRunSchema,
  driftRunStartedSchema,
} from "@/contracts/drift";
import { processJobs } from "@/server/jobs/processJobs";
import { createDriftBaseline, listDriftBaselines } from "@/server/drift/driftBaselines";
import { driftRunMap, getDriftRun, listDriftRuns, requestDriftRun } from "@/server/drift/driftRuns";
import { addDriftRunExamplesToDataset, sendDriftRunExamplesToReview } from "@/server/drift/driftActions";

/** The run list's default span: the 72 hourly windows the drift page shows. */
const defaultListHours = 72;

export const driftBaselineCreateRoute = endpoint({
  method: "POST",
  path: ["/api/v1/drift/baselines", "/api/v1/projects/{projectId}/drift/baselines"],
  summary:
    "Make a drift baseline from a golden dataset version or a stretch of traffic: its texts are embedded and the detector fitted on them",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "drift:manage",
  params: keyOrProjectParams,
  body: driftBaselineInputSchema,
  status: 201,
  response: driftBaselineSchema,
  answers: "Created; hourly and daily windows are judged against it from now on (and the last 72 hours at once)",
  handler: ({ database, caller, body }) => createDriftBaseline(database, callerProjectId(caller), body),
});

export const driftBaselineListRoute = endpoint({
  method: "GET",
  path: ["/api/v1/drift/baselines", "/api/v1/projects/{projectId}/drift/baselines"],
  summary: "The project's drift baselines",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "traces:read",
  params: keyOrProjectParams,
  response: driftBaselineListSchema,
  answers: "Oldest first",
  handler: async ({ database, caller }) => ({ data: await listDriftBaselines(database, callerProjectId(caller)) }),
});

export const driftRunCreateRoute = endpoint({
  method: "POST",
  path: ["/api/v1/drift/runs", "/api/v1/projects/{projectId}/drift/runs"],
  summary: "Judge the traces that started in a window against a baseline (a job; the same window again is the same run)",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "drift:manage",
  params: keyOrProjectParams,
  body: driftRunRequestSchema,
  status: 202,
  response: driftRunStartedSchema,
  answers: "Queued (or the existing run of this window); follow it at /api/v1/drift/runs/{id}",
  handler: async ({ database, caller, body }) => {
    const jobs = await processJobs();
    return requestDriftRun(database, callerProjectId(caller), body, jobs.context.send);
  },
});

export const driftRunGetRoute = endpoint({
  method: "GET",
  path: ["/api/v1/drift/runs/{runId}", "/api/v1/projects/{projectId}/drift/runs/{runId}"],
  summary: "One drift run: its status and progress, then its figures, verdict, clusters and examples",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "traces:read",
  params: driftRunParams,
  response: driftRunSchema,
  answers: "The run",
  handler: ({ database, caller, params }) => getDriftRun(database, callerProjectId(caller), params.runId),
});

export const driftRunMapRoute = endpoint({
  method: "GET",
  path: ["/api/v1/drift/runs/{runId}/map", "/api/v1/projects/{projectId}/drift/runs/{runId}/map"],
  summary: "A drift run's 2-D map: a sample of baseline and live points projected together",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "traces:read",
  params: driftRunParams,
  response: driftMapSchema,
  answers: "The points (none until the run is done)",
  handler: ({ database, caller, params }) => driftRunMap(database, callerProjectId(caller), params.runId),
});

export const driftRunListRoute = endpoint({
  method: "GET",
  path: ["/api/v1/drift", "/api/v1/projects/{projectId}/drift"],
  summary: "A baseline's drift runs whose window starts in [from, to) (default: the last 72 hours)",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "traces:read",
  params: keyOrProjectParams,
  query: driftRunListQuerySchema,
  response: driftRunListSchema,
  answers: "Oldest first",
  handler: async ({ database, caller, query, now }) => {
    const to = query.to === undefined ? now : new Date(query.to);
    const from = query.from === undefined ? new Date(to.getTime() - defaultListHours * 3_600_000) : new Date(query.from);
    return { data: await listDriftRuns(database, callerProjectId(caller), { baseline: query.baseline, from, to, window: query.window }) };
  },
});

export const driftRunReviewRoute = endpoint({
  method: "POST",
  path: ["/api/v1/drift/runs/{runId}/review", "/api/v1/projects/{projectId}/drift/runs/{runId}/review"],
  summary: "Send live traces of a drift run to the review queue (reason: drift)",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "drift:manage",
  params: driftRunParams,
  body: driftExamplesActionSchema,
  response: driftReviewResultSchema,
  answers: "Queued; traces already in the queue gain the drift reason",
  handler: ({ database, caller, params, body, now }) =>
    sendDriftRunExamplesToReview(database, callerProjectId(caller), params.runId, body.traceIds, now),
});

export const driftRunDatasetRoute = endpoint({
  method: "POST",
  path: ["/api/v1/drift/runs/{runId}/dataset", "/api/v1/projects/{projectId}/drift/runs/{runId}/dataset"],
  summary: "Add live traces of a drift run to a golden dataset's working items, their answers to be checked before publishing",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "datasets:write",
  params: driftRunParams,
  body: driftDatasetActionSchema,
  response: driftDatasetResultSchema,
  answers: "Added; a trace added before is a duplicate",
  handler: ({ database, caller, params, body }) => addDriftRunExamplesToDataset(database, callerProjectId(caller), params.runId, body),
});

export const driftEndpoints = [
  driftBaselineCreateRoute,
  driftBaselineListRoute,
  driftRunCreateRoute,
  driftRunGetRoute,
  driftRunMapRoute,
  driftRunListRoute,
  driftRunReviewRoute,
  driftRunDatasetRoute,
] as const;
