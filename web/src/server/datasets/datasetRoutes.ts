import { endpoint } from "@/server/api/endpoint";
import { callerProjectId } from "@/server/api/caller";
import { batchResponse } from "@/server/api/batchResponse";
import { batchResultSchema } from "@/contracts/batch";
import {
  datasetItemsEnvelopeSchema,
  datasetItemsSchema,
  datasetParams,
  exportQuerySchema,
  projectDatasetItemParams,
  publishedVersionSchema,
  publishQuerySchema,
} from "@/contracts/datasets";
import { addDatasetItems, publishDatasetVersion, removeDatasetItem } from "@/server/datasets/datasets";
import { exportDataset, exportResponse } from "@/server/datasets/datasetExport";

// Servers call dataset actions with a secret key (the key names the project); the console
// calls the same endpoint under the project's path. Dataset names are chosen by people, so
// a malformed one is answered 400 naming the parameter (invalidParams), not 404 as an id
// that names nothing would be.

export const addDatasetItemsRoute = endpoint({
  method: "POST",
  path: "/api/v1/datasets/{name}/items",
  summary: "Add items to a dataset (created on first use); an item id sent before is a duplicate",
  auth: "key",
  keyKinds: ["secret"],
  permission: "datasets:write",
  params: datasetParams,
  invalidParams: "badRequest",
  body: datasetItemsEnvelopeSchema,
  documentedBody: datasetItemsSchema,
  maxBodyBytes: 10 * 1024 * 1024,
  response: batchResultSchema,
  answers: "All stored or already stored; 207 when some were rejected",
  handler: async ({ database, caller, params, body }) =>
    batchResponse(await addDatasetItems(database, callerProjectId(caller), params.name, body.items)),
});

export const publishVersionRoute = endpoint({
  method: "POST",
  path: ["/api/v1/datasets/{name}/versions", "/api/v1/projects/{projectId}/datasets/{name}/versions"],
  summary: "Publish the dataset's items as the next immutable numbered version",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "datasets:publish",
  params: datasetParams,
  invalidParams: "badRequest",
  query: publishQuerySchema,
  status: 201,
  response: publishedVersionSchema,
  answers: "Published",
  handler: ({ database, caller, params, query }) => publishDatasetVersion(database, callerProjectId(caller), params.name, query),
});

export const exportRoute = endpoint({
  method: "GET",
  path: ["/api/v1/datasets/{name}/export", "/api/v1/projects/{projectId}/datasets/{name}/export"],
  summary: "Stream a published version as openai, dpo, jsonl or csv",
  auth: "keyOrSession",
  keyKinds: ["secret"],
  permission: "datasets:export",
  params: datasetParams,
  invalidParams: "badRequest",
  query: exportQuerySchema,
  answers: "The export, streamed, with Content-Disposition",
  handler: async ({ database, caller, params, query }) =>
    exportResponse(await exportDataset(database, callerProjectId(caller), params.name, query)),
});

/** Drops an example from the working set. It shapes the next published version, so it takes the publisher's permission. */
export const removeDatasetItemRoute = endpoint({
  method: "DELETE",
  path: "/api/v1/projects/{projectId}/datasets/{name}/items/{itemId}",
  summary: "Remove an item from a dataset's working set (published versions keep their copy)",
  auth: "session",
  permission: "datasets:publish",
  params: projectDatasetItemParams,
  invalidParams: "badRequest",
  answers: "Removed",
  handler: ({ database, params }) => removeDatasetItem(database, params.projectId, params.name, params.itemId),
});

export const datasetEndpoints = [addDatasetItemsRoute, publishVersionRoute, exportRoute, removeDatasetItemRoute] as const;
