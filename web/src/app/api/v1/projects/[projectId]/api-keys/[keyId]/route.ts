import { apiRoute } from "@/server/api/route";
import { apiKeyParams, updateApiKeySchema } from "@/contracts/apiKeys";
import { revokeApiKey } from "@/server/keys/apiKeys";
import { updateProjectApiKey } from "@/server/keys/projectApiKeys";

export const PATCH = apiRoute({
  auth: "session",
  permission: "keys:manage",
  params: apiKeyParams,
  body: updateApiKeySchema,
  handler: ({ database, params, body }) => updateProjectApiKey(database, params.projectId, params.keyId, body),
});

export const DELETE = apiRoute({
  auth: "session",
  permission: "keys:manage",
  params: apiKeyParams,
  handler: ({ database, params, now }) => revokeApiKey(database, params.projectId, params.keyId, now),
});
