import type { Queryable } from "@/server/db/client";

/**
 * Takes a transaction-scoped advisory lock per key, released at commit. Keys are locked
 * in one fixed order (by hash), so two transactions locking overlapping sets cannot deadlock.
 */
export async function lockKeysInOrder(tx: Queryable, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.$executeRaw`
    SELECT pg_advisory_xact_lock(key) FROM (
      SELECT DISTINCT hashtextextended(name, 0) AS key FROM unnest(${keys}::text[]) AS name ORDER BY key
    ) AS keys`;
}
