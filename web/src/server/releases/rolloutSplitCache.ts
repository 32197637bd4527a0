import type { RolloutRow } from "@/server/releases/rollouts";

// Assignment is the hottest read an application makes (one per user request, from
// browsers too): a rollout is read from the database at most once per key and process
// every `ttlMs`. Changes made in this process are seen at once (forgetRolloutSplit);
// changes made by another process (the guard in a worker) within `ttlMs`.
const ttlMs = 2_000;
const maxEntries = 10_000;

interface Entry {
  row: RolloutRow | null;
  expiresAt: number;
}
const entries = new Map<string, Entry>();
const cacheKey = (projectId: string, key: string) => `${projectId}\n${key}`;

/** The rollout (null: none with that key), from the cache while fresh, else from `read`. */
export async function cachedRollout(
  projectId: string,
  key: string,
  now: Date,
  read: () => Promise<RolloutRow | null>,
): Promise<RolloutRow | null> {
  const id = cacheKey(projectId, key);
  const hit = entries.get(id);
  if (hit && hit.expiresAt > now.getTime()) return hit.row;
  const row = await read();
  if (entries.size >= maxEntries) entries.clear();
  entries.set(id, { row, expiresAt: now.getTime() + ttlMs });
  return row;
}

export function forgetRolloutSplit(projectId: string, key: string): void {
  entries.delete(cacheKey(projectId, key));
}
