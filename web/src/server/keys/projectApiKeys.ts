import type { Queryable } from "@/server/db/client";
import type { ApiKeySummary, CreateApiKeyInput, UpdateApiKeyInput } from "@/contracts/apiKeys";
import { apiKeySummarySelect, createApiKey, listApiKeys, updateApiKeyOrigins } from "@/server/keys/apiKeys";
import { serializeApiKey } from "@/server/keys/apiKeySerializer";

export async function listProjectApiKeys(database: Queryable, projectId: string): Promise<ApiKeySummary[]> {
  return (await listApiKeys(database, projectId)).map(serializeApiKey);
}

/** Creates a key and returns it in full this one time, with its public summary. */
export async function createProjectApiKey(
  database: Queryable,
  projectId: string,
  userId: string,
  input: CreateApiKeyInput,
): Promise<{ apiKey: ApiKeySummary; key: string }> {
  const created = await createApiKey(database, projectId, { ...input, createdById: userId });
  const summary = await database.apiKey.findUniqueOrThrow({ where: { id: created.id }, select: apiKeySummarySelect });
  return { apiKey: serializeApiKey(summary), key: created.key };
}

/** Changes a public key's allowed origins and returns its summary. */
export async function updateProjectApiKey(
  database: Queryable,
  projectId: string,
  keyId: string,
  input: UpdateApiKeyInput,
): Promise<ApiKeySummary> {
  await updateApiKeyOrigins(database, projectId, keyId, input.allowedOrigins);
  return serializeApiKey(await database.apiKey.findUniqueOrThrow({ where: { id: keyId }, select: apiKeySummarySelect }));
}
