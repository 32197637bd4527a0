import type { Database } from "@/server/db/client";
import type { ReviewReason } from "@/generated/prisma/enums";
import type { ReviewRuleSet } from "@/contracts/review";
import { getReviewRules } from "@/server/review/reviewRules";
import { simhash64, toSigned64 } from "@/server/review/simhash";
import { stableDraw } from "@/server/stats/stableDraw";
import { nearDuplicateBits, reviewPriority } from "@/server/review/reviewPriority";
import { promptText } from "@/server/review/conversation";

interface FeedbackForRouting {
  id: string;
  traceId: string;
  type: string;
  value: number | null;
  scale: number | null;
  receivedAt: Date;
  input: unknown;
}

/** A stable, uniform draw in [0, 1) per event, so routing the same event again samples it the same way. */
export const sampleDraw = (eventId: string): number => stableDraw(eventId);

/** Why this event sends its trace to review under these rules, or null when it does not. */
export function reviewReasonFor(
  event: Pick<FeedbackForRouting, "id" | "type" | "value" | "scale">,
  rules: ReviewRuleSet,
): ReviewReason | null {
  const stars = event.type === "rating" && event.value !== null ? (event.value / (event.scale ?? 5)) * 5 : null;
  if (event.type === "report") return rules.reports ? "report" : null;
  if (event.type === "thumb" && event.value === -1) return rules.thumbsDown ? "thumbs_down" : null;
  if (stars !== null && rules.ratingThreshold !== null && stars <= rules.ratingThreshold) return "low_rating";
  if (event.type === "rephrase") return rules.rephrases ? "rephrase" : null;
  const positive = (event.type === "thumb" && event.value === 1) || (stars !== null && stars >= 4);
  return positive && sampleDraw(event.id) < rules.positiveSampleRate ? "sampled_positive" : null;
}

// Feedback committed late carries an older received_at: the last minutes are read again
// (events already routed are skipped by their signal).
const commitLagMs = 2 * 60_000;
const pageSize = 2_000;

/**
 * Turns feedback the project received since the last pass into review items: one item
 * per trace, each routed event attached as a signal (an event routed twice adds nothing),
 * new items fingerprinted and clustered with near-duplicate negative prompts, and the
 * priority of every touched item and cluster recomputed. Idempotent; safe to run often.
 * Returns how many signals it added.
 */
export async function routeNewFeedback(database: Database, projectId: string, now: Date): Promise<number> {
  const rules = await getReviewRules(database, projectId);
  const state = await database.reviewRoutingState.findUnique({ where: { projectId }, select: { routedUntil: true } });
  // Keyset on (received_at, id): a batch of events shares one received_at, and a page
  // boundary inside it must not skip the rest of the batch.
  let since = new Date((state?.routedUntil.getTime() ?? 0) - commitLagMs);
  let afterId = "";
  let added = 0;
  for (;;) {
    const events = await database.$queryRaw<FeedbackForRouting[]>`
      SELECT f.id, f.trace_id AS "traceId", f.type::text AS type, f.value, f.scale, f.received_at AS "receivedAt", t.input
      FROM feedback_events f
      LEFT JOIN traces t ON t.project_id = f.project_id AND t.id = f.trace_id
      WHERE f.project_id = ${projectId}::uuid AND (f.received_at, f.id) > (${since}::timestamptz, ${afterId})
        AND NOT EXISTS (SELECT 1 FROM review_signals s WHERE s.project_id = f.project_id AND s.feedback_event_id = f.id)
      ORDER BY f.received_at, f.id
      LIMIT ${pageSize}`;
    const routed = events.flatMap((event) => {
      const reason = reviewReasonFor(event, rules);
      return reason ? [{ event, reason }] : [];
    });
    if (routed.length > 0) added += await attachSignals(database, projectId, routed);
    const last = events.at(-1);
    if (events.length < pageSize || !last) break;
    since = last.receivedAt;
    afterId = last.id;
  }
  await fingerprintLateTraces(database, projectId);
  const routedUntil = new Date(Math.max(state?.routedUntil.getTime() ?? 0, now.getTime()));
  await database.reviewRoutingState.upsert({ where: { projectId }, create: { projectId, routedUntil }, update: { routedUntil } });
  return added;
}

async function attachSignals(
  database: Database,
  projectId: string,
  routed: { event: FeedbackForRouting; reason: ReviewReason }[],
): Promise<number> {
  return database.$transaction(async (tx) => {
    await lockRouting(tx, projectId);
    const byTrace = new Map<string, { event: FeedbackForRouting; reason: ReviewReason }[]>();
    for (const entry of routed) byTrace.set(entry.event.traceId, [...(byTrace.get(entry.event.traceId) ?? []), entry]);

    const existing = await tx.reviewItem.findMany({
      where: { projectId, traceId: { in: [...byTrace.keys()] } },
      select: { id: true, traceId: true },
    });
    const itemOf = new Map(existing.map((item) => [item.traceId, item.id]));
    const touchedClusters = new Set<string>();
    for (const [traceId, entries] of byTrace) {
      if (itemOf.has(traceId)) continue;
      const negative = entries.some(({ reason }) => reason !== "sampled_positive");
      const fingerprint = simhash64(promptText(entries[0]?.event.input));
      const clusterId = negative && fingerprint !== null ? await nearestCluster(tx, projectId, fingerprint) : null;
      const item = await tx.reviewItem.create({
        data: {
          projectId,
          traceId,
          priority: reviewPriority(
            entries.map(({ reason }) => reason),
            1,
          ),
          fingerprint: fingerprint === null ? null : toSigned64(fingerprint),
          clusterId,
        },
        select: { id: true, clusterId: true },
      });
      // A prompt like no other starts its own cluster.
      if (negative && fingerprint !== null && !clusterId)
        await tx.reviewItem.update({ where: { id: item.id }, data: { clusterId: item.id } });
      touchedClusters.add(clusterId ?? item.id);
      itemOf.set(traceId, item.id);
    }
    const inserted = await tx.reviewSignal.createMany({
      data: routed.map(({ event, reason }) => ({ projectId, itemId: itemOf.get(event.traceId) ?? "", reason, feedbackEventId: event.id })),
      skipDuplicates: true,
    });
    await updatePriorities(tx, projectId, [...new Set(itemOf.values())], [...touchedClusters]);
    return inserted.count;
  });
}

type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/** Routing passes of one project run one at a time (the job and a queue read may meet). */
async function lockRouting(tx: Transaction, projectId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('review-routing:' || ${projectId}, 0))`;
}

/**
 * Negative items routed before their trace arrived have no fingerprint and no cluster:
 * once the trace is there, fingerprint them, join their cluster and re-rank (a few
 * hundred per pass).
 */
async function fingerprintLateTraces(database: Database, projectId: string): Promise<void> {
  const late = await database.$queryRaw<{ id: string; input: unknown }[]>`
    SELECT i.id, t.input FROM review_items i
    JOIN traces t ON t.project_id = i.project_id AND t.id = i.trace_id
    WHERE i.project_id = ${projectId}::uuid AND i.cluster_id IS NULL AND i.status IN ('open', 'in_review')
      AND EXISTS (SELECT 1 FROM review_signals s WHERE s.item_id = i.id AND s.reason <> 'sampled_positive')
    LIMIT 200`;
  if (late.length === 0) return;
  await database.$transaction(async (tx) => {
    await lockRouting(tx, projectId);
    const clusters = new Set<string>();
    for (const item of late) {
      const fingerprint = simhash64(promptText(item.input));
      // No text to compare (an input that is not a conversation): a cluster of its own.
      const clusterId = fingerprint === null ? item.id : ((await nearestCluster(tx, projectId, fingerprint)) ?? item.id);
      await tx.reviewItem.update({
        where: { id: item.id },
        data: { fingerprint: fingerprint === null ? null : toSigned64(fingerprint), clusterId },
      });
      clusters.add(clusterId);
    }
    await updatePriorities(
      tx,
      projectId,
      late.map((item) => item.id),
      [...clusters],
    );
  });
}

/** The cluster of the closest earlier negative prompt within `nearDuplicateBits`, if any. */
async function nearestCluster(tx: Transaction, projectId: string, fingerprint: bigint): Promise<string | null> {
  const [nearest] = await tx.$queryRaw<{ clusterId: string }[]>`
    SELECT cluster_id AS "clusterId" FROM review_items
    WHERE project_id = ${projectId}::uuid AND cluster_id IS NOT NULL
      AND bit_count((fingerprint # ${toSigned64(fingerprint)}::bigint)::bit(64)) <= ${nearDuplicateBits}
    ORDER BY bit_count((fingerprint # ${toSigned64(fingerprint)}::bigint)::bit(64)), created_at
    LIMIT 1`;
  return nearest?.clusterId ?? null;
}

/** Recomputes the priority of the given items and of every item in the given clusters. */
async function updatePriorities(tx: Transaction, projectId: string, itemIds: string[], clusterIds: string[]): Promise<void> {
  const items = await tx.reviewItem.findMany({
    where: { projectId, OR: [{ id: { in: itemIds } }, { clusterId: { in: clusterIds } }] },
    select: { id: true, priority: true, clusterId: true, signals: { select: { reason: true } } },
  });
  const clusterSizes = await tx.reviewItem.groupBy({
    by: ["clusterId"],
    where: { projectId, clusterId: { in: [...new Set(items.flatMap((item) => (item.clusterId ? [item.clusterId] : [])))] } },
    _count: { _all: true },
  });
  const sizeOf = new Map(clusterSizes.map((group) => [group.clusterId, group._count._all]));
  const changed = items.flatMap((item) => {
    const priority = reviewPriority(
      item.signals.map((signal) => signal.reason),
      item.clusterId ? (sizeOf.get(item.clusterId) ?? 1) : 1,
    );
    return priority === item.priority ? [] : [{ id: item.id, priority }];
  });
  if (changed.length === 0) return;
  await tx.$executeRaw`
    UPDATE review_items SET priority = v.priority, updated_at = now()
    FROM unnest(${changed.map((c) => c.id)}::uuid[], ${changed.map((c) => c.priority)}::int[]) AS v(id, priority)
    WHERE review_items.id = v.id`;
}
