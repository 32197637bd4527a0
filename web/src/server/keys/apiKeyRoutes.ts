import { endpoint } from "@/server/api/endpoint";
import { memberCaller } from "@/server/api/caller";
import { projectIdParams } from "@/contracts/common";
import {
  apiKeyListSchema,
  apiKeyParams,
  apiKeySchema,
  createApiKeySchema,
  createdApiKeySchema,
  updateApiKeySchema,
} from "@/contracts/apiKeys";
import { revokeApiKey } from "@/server/keys/apiKeys";
import { createProjectApiKey, listProjectApiKeys, updateProjectApiKey } from "@/server/keys/projectApiKeys";
import { rotateFeedbackSigningSecret } from "@/server/feedback/feedbackTokens";

export const apiKeyListRoute = endpoint({
  method: "GET",
  path: "/api/v1/projects/{projectId}/api-keys",
  summary: "API keys (never the secret)",
  auth: "session",
  permission: "keys:read",
  params: projectIdParams,
  response: apiKeyListSchema,
  answers: "Keys",
  handler: async ({ database, params }) => ({ data: await listProjectApiKeys(database, params.projectId) }),
});

export const createApiKeyRoute = endpoint({
  method: "POST",
  path: "/api/v1/projects/{projectId}/api-keys",
  summary: "Create an API key (returned in full once)",
  auth: "session",
  permission: "keys:manage",
  params: projectIdParams,
  body: createApiKeySchema,
  status: 201,
  response: createdApiKeySchema,
  answers: "Created",
  handler: ({ database, params, caller, body }) => createProjectApiKey(database, params.projectId, memberCaller(caller).userId, body),
});

export const updateApiKeyRoute = endpoint({
  method: "PATCH",
  path: "/api/v1/projects/{projectId}/api-keys/{keyId}",
  summary: "Change a public key's allowed origins (takes effect at once)",
  auth: "session",
  permission: "keys:manage",
  params: apiKeyParams,
  body: updateApiKeySchema,
  response: apiKeySchema,
  answers: "The key's summary",
  handler: ({ database, params, body }) => updateProjectApiKey(database, params.projectId, params.keyId, body),
});

export const revokeApiKeyRoute = endpoint({
  method: "DELETE",
  path: "/api/v1/projects/{projectId}/api-keys/{keyId}",
  summary: "Revoke an API key",
  auth: "session",
  permission: "keys:manage",
  params: apiKeyParams,
  answers: "Revoked",
  handler: ({ database, params, now }) => revokeApiKey(database, params.projectId, params.keyId, now),
});

export const rotateSigningSecretRoute = endpoint({
  method: "POST",
  path: "/api/v1/projects/{projectId}/feedback-signing-secret",
  summary: "Replace the project's feedback signing secret: every feedback token minted before stops being valid",
  auth: "session",
  permission: "keys:manage",
  params: projectIdParams,
  answers: "Rotated",
  handler: ({ database, params }) => rotateFeedbackSigningSecret(database, params.projectId),
});

export const apiKeyEndpoints = [
  apiKeyListRoute,
  createApiKeyRoute,
  updateApiKeyRoute,
  revokeApiKeyRoute,
  rotateSigningSecretRoute,
] as const;
