import type { z } from "zod";
import type { RouteSpec } from "@/server/api/route";
import { callerProjectId } from "@/server/api/caller";
import { batchResponse } from "@/server/api/batchResponse";
import {
  datasetItemsEnvelopeSchema,
  datasetParams,
  exportQuerySchema,
  projectDatasetItemParams,
  projectDatasetParams,
  publishQuerySchema,
} from "@/contracts/datasets";
import { addDatasetItems, publishDatasetVersion, removeDatasetItem } from "@/server/datasets/datasets";
import { exportDataset, exportResponse } from "@/server/datasets/datasetExport";

type KeyParams = z.infer<typeof datasetParams>;
type MemberParams = z.infer<typeof projectDatasetParams>;

// Each dataset action has a key route (/api/v1/datasets/{name}/...) for servers and a
// project route (/api/v1/projects/{projectId}/datasets/{name}/...) for the console.
// Dataset names are chosen by people, so a malformed one is answered 400 naming the
// parameter (invalidParams), not 404 as an id that names nothing would be.

export const addDatasetItemsRoute: RouteSpec<z.infer<typeof datasetItemsEnvelopeSchema>, undefined, KeyParams, Response> = {
  auth: "key",
  keyKinds: ["secret"],
  permission: "datasets:write",
  params: datasetParams,
  invalidParams: "badRequest",
  body: datasetItemsEnvelopeSchema,
  maxBodyBytes: 10 * 1024 * 1024,
  handler: async ({ database, caller, params, body }) =>
    batchResponse(await addDatasetItems(database, callerProjectId(caller), params.name, body.items)),
};

type PublishQuery = z.infer<typeof publishQuerySchema>;

export const publishVersionRoute: RouteSpec<undefined, PublishQuery, KeyParams, { version: number; itemCount: number }> = {
  auth: "key",
  keyKinds: ["secret"],
  permission: "datasets:publish",
  params: datasetParams,
  invalidParams: "badRequest",
  query: publishQuerySchema,
  status: 201,
  handler: ({ database, caller, params, query }) => publishDatasetVersion(database, callerProjectId(caller), params.name, query),
};

export const memberPublishVersionRoute: RouteSpec<undefined, PublishQuery, MemberParams, { version: number; itemCount: number }> = {
  auth: "session",
  permission: "datasets:publish",
  params: projectDatasetParams,
  invalidParams: "badRequest",
  query: publishQuerySchema,
  status: 201,
  handler: ({ database, params, query }) => publishDatasetVersion(database, params.projectId, params.name, query),
};

export const exportRoute: RouteSpec<undefined, z.infer<typeof exportQuerySchema>, KeyParams, Response> = {
  auth: "key",
  keyKinds: ["secret"],
  permission: "datasets:export",
  params: datasetParams,
  invalidParams: "badRequest",
  query: exportQuerySchema,
  handler: async ({ database, caller, params, query }) =>
    exportResponse(await exportDataset(database, callerProjectId(caller), params.name, query)),
};

export const memberExportRoute: RouteSpec<undefined, z.infer<typeof exportQuerySchema>, MemberParams, Response> = {
  auth: "session",
  permission: "datasets:export",
  params: projectDatasetParams,
  invalidParams: "badRequest",
  query: exportQuerySchema,
  handler: async ({ database, params, query }) => exportResponse(await exportDataset(database, params.projectId, params.name, query)),
};

/**
 * DELETE .../datasets/{name}/items/{itemId}: drop an example from the working set
 * (console). It shapes the next published version, so it takes the publisher's permission.
 */
export const removeDatasetItemRoute: RouteSpec<undefined, undefined, z.infer<typeof projectDatasetItemParams>, undefined> = {
  auth: "session",
  permission: "datasets:publish",
  params: projectDatasetItemParams,
  invalidParams: "badRequest",
  handler: async ({ database, params }) => {
    await removeDatasetItem(database, params.projectId, params.name, params.itemId);
    return undefined;
  },
};
