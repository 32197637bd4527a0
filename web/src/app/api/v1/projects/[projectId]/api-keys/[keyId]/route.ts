import { apiRoute } from "@/server/api/route";
import { apiKeyParams } from "@/contracts/apiKeys";
import { revokeApiKey } from "@/server/keys/apiKeys";

export const DELETE = apiRoute({
  auth: "session",
  permission: "keys:manage",
  params: apiKeyParams,
  handler: ({ database, params, now }) => revokeApiKey(database, params.projectId, params.keyId, now),
});
