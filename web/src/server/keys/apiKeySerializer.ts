import type { ApiKeySummary } from "@/contracts/apiKeys";

interface ApiKeyRow {
  id: string;
  kind: "public" | "secret";
  name: string;
  displayPrefix: string;
  allowedOrigins: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The only shape in which a key leaves the server: never its hash. */
export function serializeApiKey(row: ApiKeyRow): ApiKeySummary {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    displayPrefix: row.displayPrefix,
    allowedOrigins: row.allowedOrigins,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
