import type { Queryable } from "@/server/db/client";
import { ConflictError, NotFoundError } from "@/server/errors";

export const leaseMs = 10 * 60_000;

/**
 * Gives the annotator the highest-priority item they may review, leased to them for ten
 * minutes: the one they already hold, else an open item they have not annotated and did
 * not skip (`exclude`). Leases that ran out go back to the queue first. The final UPDATE
 * picks and takes the row in one statement; `FOR UPDATE SKIP LOCKED` makes concurrent
 * claims take different items, never the same one. Each step walks an index
 * (status, priority), so a deep queue costs no more than a shallow one.
 */
export async function claimNextReviewItem(
  database: Queryable,
  projectId: string,
  userId: string,
  now: Date,
  exclude: string[] = [],
): Promise<{ id: string; leaseExpiresAt: string } | null> {
  const expires = new Date(now.getTime() + leaseMs);
  await database.$executeRaw`
    UPDATE review_items SET status = 'open', leased_by_id = NULL, lease_expires_at = NULL, updated_at = ${now}
    WHERE project_id = ${projectId}::uuid AND status = 'in_review' AND lease_expires_at < ${now} AND leased_by_id <> ${userId}::uuid`;
  const held = await database.reviewItem.findFirst({
    where: { projectId, status: "in_review", leasedById: userId, id: { notIn: exclude } },
    orderBy: { priority: "desc" },
    select: { id: true },
  });
  if (held) {
    await database.reviewItem.update({ where: { id: held.id }, data: { leaseExpiresAt: expires } });
    return { id: held.id, leaseExpiresAt: expires.toISOString() };
  }
  const [claimed] = await database.$queryRaw<{ id: string; leaseExpiresAt: Date }[]>`
    UPDATE review_items SET status = 'in_review', leased_by_id = ${userId}::uuid, lease_expires_at = ${expires}, updated_at = ${now}
    WHERE id = (
      SELECT id FROM review_items i
      WHERE i.project_id = ${projectId}::uuid AND i.status = 'open'
        AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.item_id = i.id AND a.annotator_id = ${userId}::uuid)
        AND NOT (i.id = ANY(${exclude}::uuid[]))
      ORDER BY i.priority DESC, i.created_at
      FOR UPDATE SKIP LOCKED
      LIMIT 1)
    RETURNING id, lease_expires_at AS "leaseExpiresAt"`;
  return claimed ? { id: claimed.id, leaseExpiresAt: claimed.leaseExpiresAt.toISOString() } : null;
}

/** Checks that `userId` holds the item's lease now; 409 when someone else does or the item moved on. */
export async function assertLeaseHeld(database: Queryable, projectId: string, itemId: string, userId: string): Promise<void> {
  const item = await database.reviewItem.findFirst({
    where: { id: itemId, projectId },
    select: { status: true, leasedById: true, leaseExpiresAt: true },
  });
  if (!item) throw new NotFoundError("No such review item in this project");
  if (item.status !== "in_review" || item.leasedById !== userId) {
    throw new ConflictError("This item is not leased to you (anymore): claim it again or take the next one");
  }
  // An expired lease nobody else has taken since is still the caller's.
}

/** Extends the caller's lease while the item page stays open. */
export async function renewLease(
  database: Queryable,
  projectId: string,
  itemId: string,
  userId: string,
  now: Date,
): Promise<{ leaseExpiresAt: string }> {
  const expires = new Date(now.getTime() + leaseMs);
  const renewed = await database.reviewItem.updateMany({
    where: { id: itemId, projectId, status: "in_review", leasedById: userId },
    data: { leaseExpiresAt: expires },
  });
  if (renewed.count === 0) throw new ConflictError("This item is not leased to you (anymore)");
  return { leaseExpiresAt: expires.toISOString() };
}

/** Gives the item back to the queue (skip). */
export async function releaseItem(database: Queryable, projectId: string, itemId: string, userId: string): Promise<void> {
  await database.reviewItem.updateMany({
    where: { id: itemId, projectId, status: "in_review", leasedById: userId },
    data: { status: "open", leasedById: null, leaseExpiresAt: null },
  });
}
