import { endpoint } from "@/server/api/endpoint";
import { callerProjectId } from "@/server/api/caller";
import { batchResponse } from "@/server/api/batchResponse";
import { batchResultSchema } from "@/contracts/batch";
import { datasetParams } from "@/contracts/datasets";
import { datasetAssertionsSchema, storedDatasetAssertionsSchema } from "@/contracts/datasetAssertions";
import {
  datasetRunEnvelopeSchema,
  datasetRunInputSchema,
  datasetRunListSchema,
  datasetRunParams,
  datasetRunPatchSchema,
  datasetRunReportQuerySchema,
  datasetRunReportSchema,
  datasetRunSummarySchema,
  datasetVersionItemsQuerySchema,
  datasetVersionItemsSchema,
  datasetVersionParams,
} from "@/contracts/datasetRuns";
import { datasetAssertionsOf, setDatasetAssertions } from "@/server/datasets/runs/datasetAssertionSettings";
import { listVersionItems } from "@/server/datasets/runs/versionItems";
import { uploadRunOutputs } from "@/server/datasets/runs/uploadRunOutputs";
import { listDatasetRuns, recordRunGate } from "@/server/datasets/runs/datasetRuns";
import { datasetRunReport } from "@/server/datasets/runs/datasetRunReport";
import { runCheckDependencies } from "@/server/datasets/runs/runCheckDependencies";
import { builtinEvaluators } from "@/server/evaluation/builtinEvaluators";
import { defaultSemanticEmbedder } from "@/server/embeddings/defaultSemanticEmbedder";

// The regression gate: a runner reads a version's items, uploads its candidate's outputs
// to a named run (checked against the dataset's assertions as they arrive), reads the
// report with its comparison, and records its verdict. Servers (CI) call with a secret
// key; the console calls the read endpoints under the project's path.

export const versionItemsRoute = endpoint({
  method: "GET",
  path: ["/api/v1/datasets/{name}/versions/{version}/items", "/api/v1/projects/{projectId}/datasets/{name}/versions/{version}/items"],
  summary: "The items of a published version as JSON pages (input, expected output, category, severity): what a regression run answers",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "datasets:export",
  params: datasetVersionParams,
  invalidParams: "badRequest",
  query: datasetVersionItemsQuerySchema,
  response: datasetVersionItemsSchema,
  answers: "One page of items in the version's order",
  handler: ({ database, caller, params, query }) => listVersionItems(database, callerProjectId(caller), params.name, params.version, query),
});

export const getAssertionsRoute = endpoint({
  method: "GET",
  path: ["/api/v1/datasets/{name}/assertions", "/api/v1/projects/{projectId}/datasets/{name}/assertions"],
  summary: "What each regression run output is checked against (empty: the default assertion)",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "datasets:read",
  params: datasetParams,
  invalidParams: "badRequest",
  response: storedDatasetAssertionsSchema,
  answers: "The declared assertions",
  handler: ({ database, caller, params }) => datasetAssertionsOf(database, callerProjectId(caller), params.name),
});

export const putAssertionsRoute = endpoint({
  method: "PUT",
  path: ["/api/v1/datasets/{name}/assertions", "/api/v1/projects/{projectId}/datasets/{name}/assertions"],
  summary: "Declare the assertions regression runs check (replaces the list; runs already stored keep their results)",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  // What passes the gate is a release decision, as publishing is.
  permission: "datasets:publish",
  params: datasetParams,
  invalidParams: "badRequest",
  body: datasetAssertionsSchema,
  response: datasetAssertionsSchema,
  answers: "Stored",
  handler: ({ database, caller, params, body }) => setDatasetAssertions(database, callerProjectId(caller), params.name, body),
});

export const uploadRunRoute = endpoint({
  method: "POST",
  path: "/api/v1/datasets/{name}/runs",
  summary:
    "Upload a candidate's outputs to a named run of a published version; each is checked against the dataset's assertions. Uploads to the same name append; an item sent again is a duplicate",
  auth: "key",
  keyKinds: ["secret"],
  permission: "datasets:write",
  params: datasetParams,
  invalidParams: "badRequest",
  body: datasetRunEnvelopeSchema,
  documentedBody: datasetRunInputSchema,
  maxBodyBytes: 20 * 1024 * 1024,
  response: batchResultSchema,
  answers:
    "All stored or already stored; 207 when some were rejected (404: not an item of the version, 409: a different output for an item already stored, 400: invalid)",
  handler: async ({ database, caller, params, body, now }) =>
    batchResponse(
      await uploadRunOutputs(
        database,
        callerProjectId(caller),
        params.name,
        body,
        now,
        runCheckDependencies(database, callerProjectId(caller)),
        { builtins: builtinEvaluators, embedder: defaultSemanticEmbedder },
      ),
    ),
});

export const listRunsRoute = endpoint({
  method: "GET",
  path: ["/api/v1/datasets/{name}/runs", "/api/v1/projects/{projectId}/datasets/{name}/runs"],
  summary: "The dataset's regression runs, newest first",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "datasets:read",
  params: datasetParams,
  invalidParams: "badRequest",
  response: datasetRunListSchema,
  answers: "The runs with their status, pass rate and gate verdict",
  handler: async ({ database, caller, params }) => ({ runs: await listDatasetRuns(database, callerProjectId(caller), params.name) }),
});

export const runReportRoute = endpoint({
  method: "GET",
  path: ["/api/v1/datasets/{name}/runs/{run}", "/api/v1/projects/{projectId}/datasets/{name}/runs/{run}"],
  summary:
    "A run's report: pass rate, counts, every output with its assertions and a diff against the expected output, and the comparison with the previous passing run (or ?baseline=)",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "datasets:read",
  params: datasetRunParams,
  invalidParams: "badRequest",
  query: datasetRunReportQuerySchema,
  response: datasetRunReportSchema,
  answers: "The report",
  handler: ({ database, caller, params, query }) => datasetRunReport(database, callerProjectId(caller), params.name, params.run, query),
});

export const patchRunRoute = endpoint({
  method: "PATCH",
  path: "/api/v1/datasets/{name}/runs/{run}",
  summary: "Record the gate's verdict on a run; a run that passed becomes the default baseline of later runs",
  auth: "key",
  keyKinds: ["secret"],
  permission: "datasets:write",
  params: datasetRunParams,
  invalidParams: "badRequest",
  body: datasetRunPatchSchema,
  response: datasetRunSummarySchema,
  answers: "The run with its verdict (409 when a passed verdict is given to an incomplete or errored run)",
  handler: ({ database, caller, params, body, now }) =>
    recordRunGate(database, callerProjectId(caller), params.name, params.run, body.gate, now),
});

export const datasetRunEndpoints = [
  versionItemsRoute,
  getAssertionsRoute,
  putAssertionsRoute,
  uploadRunRoute,
  listRunsRoute,
  runReportRoute,
  patchRunRoute,
] as const;
