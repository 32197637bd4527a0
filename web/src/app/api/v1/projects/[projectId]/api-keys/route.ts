import { apiRoute } from "@/server/api/route";
import { memberCaller } from "@/server/api/caller";
import { projectIdParams } from "@/contracts/common";
import { createApiKeySchema } from "@/contracts/apiKeys";
import { createProjectApiKey, listProjectApiKeys } from "@/server/keys/projectApiKeys";

export const GET = apiRoute({
  auth: "session",
  permission: "keys:read",
  params: projectIdParams,
  handler: async ({ database, params }) => ({ data: await listProjectApiKeys(database, params.projectId) }),
});

export const POST = apiRoute({
  auth: "session",
  permission: "keys:manage",
  params: projectIdParams,
  body: createApiKeySchema,
  status: 201,
  handler: ({ database, params, caller, body }) => createProjectApiKey(database, params.projectId, memberCaller(caller).userId, body),
});
