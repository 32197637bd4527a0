import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Queryable } from "@/server/db/client";
import { BadRequestError, NotFoundError } from "@/server/errors";

export type ApiKeyKind = "public" | "secret";

/** What the wrapper needs to know about an authenticated key. */
export interface AuthenticatedKey {
  id: string;
  projectId: string;
  kind: ApiKeyKind;
  allowedOrigins: string[];
}

const prefixLength = 11; // "pk_" + 8 characters: enough to find the key, useless to guess it

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function apiKeyKindOf(key: string): ApiKeyKind | null {
  return key.startsWith("pk_") ? "public" : key.startsWith("sk_") ? "secret" : null;
}

export function generateApiKey(kind: ApiKeyKind): string {
  return `${kind === "public" ? "pk" : "sk"}_${randomBytes(24).toString("base64url")}`;
}

/** In a public key's allowed origins: any page, and callers that send no Origin (servers, scripts). */
export const anyOrigin = "*";

/** Origins are compared as the browser sends them: scheme, host and port, nothing else. */
export function normaliseOrigin(origin: string): string {
  if (origin.trim() === anyOrigin) return anyOrigin;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new BadRequestError(`"${origin}" is not an origin such as https://app.example.com`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new BadRequestError(`"${origin}" must use http or https`);
  }
  return url.origin;
}

function normaliseOrigins(origins: string[]): string[] {
  return [...new Set(origins.map(normaliseOrigin))];
}

export interface CreatedApiKey {
  id: string;
  key: string;
}

/** Stores a key (generated unless given, as for LIVELOOP_INIT_*_KEY) and returns it once. */
export async function createApiKey(
  database: Queryable,
  projectId: string,
  input: { kind: ApiKeyKind; name: string; allowedOrigins?: string[]; key?: string; createdById?: string | null },
): Promise<CreatedApiKey> {
  const key = input.key ?? generateApiKey(input.kind);
  if (apiKeyKindOf(key) !== input.kind)
    throw new BadRequestError(`A ${input.kind} key must start with ${input.kind === "public" ? "pk_" : "sk_"}`);
  const allowedOrigins = input.kind === "public" ? normaliseOrigins(input.allowedOrigins ?? []) : [];
  const row = await database.apiKey.create({
    data: {
      projectId,
      kind: input.kind,
      name: input.name,
      displayPrefix: key.slice(0, prefixLength),
      secretHash: hashApiKey(key),
      allowedOrigins,
      createdById: input.createdById ?? null,
    },
    select: { id: true },
  });
  // A lookup of this key made before it existed may be cached as "unknown".
  keyCache.delete(hashApiKey(key));
  return { id: row.id, key };
}

/** The columns of a key that may leave the server: never its hash. */
export const apiKeySummarySelect = {
  id: true,
  kind: true,
  name: true,
  displayPrefix: true,
  allowedOrigins: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

export async function listApiKeys(database: Queryable, projectId: string) {
  return database.apiKey.findMany({ where: { projectId }, orderBy: { createdAt: "desc" }, select: apiKeySummarySelect });
}

export async function revokeApiKey(database: Queryable, projectId: string, keyId: string, now: Date): Promise<void> {
  const result = await database.apiKey.updateMany({
    where: { id: keyId, projectId, revokedAt: null },
    data: { revokedAt: now },
  });
  if (result.count === 0) {
    const exists = await database.apiKey.count({ where: { id: keyId, projectId } });
    if (exists === 0) throw new NotFoundError("No such API key in this project");
  }
  keyCache.clear();
}

/**
 * Replaces a public key's allowed origins. Takes effect at once in this process (the key
 * cache is cleared) and within the cache's lifetime in others.
 */
export async function updateApiKeyOrigins(database: Queryable, projectId: string, keyId: string, origins: string[]): Promise<void> {
  const key = await database.apiKey.findFirst({ where: { id: keyId, projectId }, select: { kind: true } });
  if (!key) throw new NotFoundError("No such API key in this project");
  if (key.kind !== "public") throw new BadRequestError("Secret keys are not tied to origins; only a public key has allowed origins");
  await database.apiKey.update({ where: { id: keyId }, data: { allowedOrigins: normaliseOrigins(origins) } });
  keyCache.clear();
}

interface CacheEntry {
  key: AuthenticatedKey | null;
  expiresAt: number;
}

// Looking a key up costs a query; the wrapper runs on every request. Entries live a few
// seconds so a revocation made by another process takes effect quickly; revocations in
// this process clear the cache at once.
const cacheTtlMs = 10_000;
const keyCache = new Map<string, CacheEntry>();
const lastUsedWrites = new Map<string, number>();

/**
 * Finds the live key matching a presented secret. Candidates are found by their
 * non-secret prefix, then the hashes are compared in constant time.
 */
export async function authenticateApiKey(database: Queryable, presented: string, now: Date): Promise<AuthenticatedKey | null> {
  if (apiKeyKindOf(presented) === null || presented.length > 256) return null;
  const hash = hashApiKey(presented);
  const cached = keyCache.get(hash);
  if (cached && cached.expiresAt > now.getTime()) {
    if (cached.key) noteKeyUse(database, cached.key.id, now);
    return cached.key;
  }
  const candidates = await database.apiKey.findMany({
    where: { displayPrefix: presented.slice(0, prefixLength), revokedAt: null },
    select: { id: true, projectId: true, kind: true, allowedOrigins: true, secretHash: true },
  });
  const presentedHash = Buffer.from(hash, "hex");
  const match = candidates.find((candidate) => timingSafeEqual(Buffer.from(candidate.secretHash, "hex"), presentedHash));
  const key = match ? { id: match.id, projectId: match.projectId, kind: match.kind, allowedOrigins: match.allowedOrigins } : null;
  if (keyCache.size > 10_000) keyCache.clear();
  keyCache.set(hash, { key, expiresAt: now.getTime() + cacheTtlMs });
  if (key) noteKeyUse(database, key.id, now);
  return key;
}

/** Records the last-used time at most once a minute per key, off the request's path. */
function noteKeyUse(database: Queryable, keyId: string, now: Date): void {
  const last = lastUsedWrites.get(keyId) ?? 0;
  if (now.getTime() - last < 60_000) return;
  lastUsedWrites.set(keyId, now.getTime());
  database.apiKey.update({ where: { id: keyId }, data: { lastUsedAt: now } }).catch(() => {
    // A failed bookkeeping write must not fail the request it rode on; retry next time.
    lastUsedWrites.delete(keyId);
  });
}
