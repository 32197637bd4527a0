import { z } from "zod";
import { exactText, uuidParam } from "@/contracts/common";

export const apiKeyKindSchema = z.enum(["public", "secret"]).describe("public (pk_, browsers, feedback only) or secret (sk_, servers)");

const allowedOriginsSchema = z
  .array(exactText(z.string().trim().min(1).max(200)))
  .max(50)
  .describe(
    "Public keys only: origins (scheme://host[:port]) whose pages may use the key; requests must carry a matching Origin header. `*` allows any page and callers without an Origin (servers)",
  );

export const createApiKeySchema = z
  .object({
    kind: apiKeyKindSchema,
    name: exactText(z.string().trim().min(1, "Name the key").max(100)).describe("What the key is for"),
    allowedOrigins: allowedOriginsSchema.default([]),
  })
  .strict();
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const updateApiKeySchema = z.object({ allowedOrigins: allowedOriginsSchema }).strict();
export type UpdateApiKeyInput = z.infer<typeof updateApiKeySchema>;

export const apiKeySchema = z
  .object({
    id: z.uuid(),
    kind: apiKeyKindSchema,
    name: z.string(),
    displayPrefix: z.string().describe("The key's first characters, to recognise it"),
    allowedOrigins: z.array(z.string()),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .strict();
export type ApiKeySummary = z.infer<typeof apiKeySchema>;

export const createdApiKeySchema = z
  .object({ apiKey: apiKeySchema, key: z.string().describe("The full key: shown this once, never again") })
  .strict();

export const apiKeyListSchema = z.object({ data: z.array(apiKeySchema) }).strict();

export const apiKeyParams = z.object({ projectId: uuidParam, keyId: uuidParam }).strict();
