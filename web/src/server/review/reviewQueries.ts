import type { Prisma } from "@/generated/prisma/client";
import type { Queryable } from "@/server/db/client";
import type { AnnotationView, LowScore, ReviewItemListQuery, ReviewItemView } from "@/contracts/review";
import { reasonWeight } from "@/server/review/reviewPriority";

const reviewItemSelect = {
  id: true,
  traceId: true,
  status: true,
  priority: true,
  clusterId: true,
  leaseExpiresAt: true,
  createdAt: true,
  adjudicatedCategory: true,
  adjudicatedAt: true,
  leasedBy: { select: { email: true } },
  signals: { select: { reason: true, scoreId: true }, orderBy: { createdAt: "asc" } },
  annotations: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      annotatorId: true,
      annotator: { select: { email: true } },
      category: true,
      severity: true,
      correctedResponse: true,
      notes: true,
      decision: true,
      createdAt: true,
      updatedAt: true,
    },
  },
} as const satisfies Prisma.ReviewItemSelect;

type ReviewItemRow = Prisma.ReviewItemGetPayload<{ select: typeof reviewItemSelect }>;

async function clusterSizes(database: Queryable, projectId: string, clusterIds: string[]): Promise<Map<string, number>> {
  if (clusterIds.length === 0) return new Map();
  const groups = await database.reviewItem.groupBy({
    by: ["clusterId"],
    where: { projectId, clusterId: { in: clusterIds } },
    _count: { _all: true },
  });
  return new Map(groups.flatMap((group) => (group.clusterId ? [[group.clusterId, group._count._all] as const] : [])));
}

export function serializeAnnotation(row: ReviewItemRow["annotations"][number]): AnnotationView {
  const { annotator, createdAt, updatedAt, ...rest } = row;
  return { ...rest, annotatorEmail: annotator.email, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}

/** The scores behind the items' low_score signals, by id, as the queue names them ("relevance 0.12"). */
async function lowScoresOf(database: Queryable, projectId: string, rows: ReviewItemRow[]): Promise<Map<string, LowScore>> {
  const ids = rows.flatMap((row) => row.signals.flatMap((signal) => (signal.scoreId === null ? [] : [signal.scoreId])));
  if (ids.length === 0) return new Map();
  const scores = await database.score.findMany({
    where: { projectId, id: { in: ids } },
    select: { id: true, name: true, value: true, dataType: true },
  });
  return new Map(
    scores.flatMap((score) =>
      score.value === null
        ? []
        : [[score.id, { name: score.name, value: score.dataType === "boolean" ? score.value === 1 : score.value }] as const],
    ),
  );
}

function serializeItem(row: ReviewItemRow, sizes: Map<string, number>, lowScores: Map<string, LowScore>): ReviewItemView {
  const reasons = [...new Set(row.signals.map((signal) => signal.reason))].sort((a, b) => reasonWeight[b] - reasonWeight[a]);
  return {
    id: row.id,
    traceId: row.traceId,
    status: row.status,
    reasons,
    lowScores: row.signals.flatMap((signal) => {
      const score = signal.scoreId === null ? undefined : lowScores.get(signal.scoreId);
      return score ? [score] : [];
    }),
    priority: row.priority,
    clusterId: row.clusterId,
    clusterSize: row.clusterId ? (sizes.get(row.clusterId) ?? 1) : 1,
    leasedBy: row.status === "in_review" ? (row.leasedBy?.email ?? null) : null,
    adjudicatedCategory: row.adjudicatedCategory,
    adjudicatedAt: row.adjudicatedAt?.toISOString() ?? null,
    leaseExpiresAt: row.status === "in_review" ? (row.leaseExpiresAt?.toISOString() ?? null) : null,
    createdAt: row.createdAt.toISOString(),
    annotations: row.annotations.map(serializeAnnotation),
  };
}

/** Review items by priority (highest first), with reasons, cluster size and annotations. */
/**
 * `labelledBy`: filter by category among this annotator's own labels only. The console
 * passes it for people who may not see others' labels before giving their own (blind
 * labelling), or the category filter would tell them who labelled what.
 */
export async function listReviewItems(
  database: Queryable,
  projectId: string,
  query: ReviewItemListQuery,
  options: { labelledBy?: string } = {},
): Promise<ReviewItemView[]> {
  // Items know their trace by id only (feedback can come before its trace): model and
  // release filters go through the traces first.
  const traceFiltered =
    query.model || query.release
      ? (
          await database.$queryRaw<{ id: string }[]>`
            SELECT r.id FROM review_items r JOIN traces t ON t.project_id = r.project_id AND t.id = r.trace_id
            WHERE r.project_id = ${projectId}::uuid AND (${query.model ?? null}::text IS NULL OR t.model = ${query.model ?? null})
              AND (${query.release ?? null}::text IS NULL OR t.release = ${query.release ?? null})`
        ).map((row) => row.id)
      : null;
  const rows = await database.reviewItem.findMany({
    where: {
      projectId,
      ...(traceFiltered ? { id: { in: traceFiltered } } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.traceId ? { traceId: query.traceId } : {}),
      ...(query.reason ? { signals: { some: { reason: query.reason } } } : {}),
      ...(query.category
        ? { annotations: { some: { category: query.category, ...(options.labelledBy ? { annotatorId: options.labelledBy } : {}) } } }
        : {}),
      ...(query.cluster ? { clusterId: query.cluster } : {}),
      ...(query.from || query.to
        ? { createdAt: { ...(query.from ? { gte: new Date(query.from) } : {}), ...(query.to ? { lt: new Date(query.to) } : {}) } }
        : {}),
    },
    orderBy: query.sort === "age" ? [{ createdAt: "asc" }] : [{ priority: "desc" }, { createdAt: "asc" }],
    take: query.limit,
    select: reviewItemSelect,
  });
  const [sizes, lowScores] = await Promise.all([
    clusterSizes(database, projectId, [...new Set(rows.flatMap((row) => (row.clusterId ? [row.clusterId] : [])))]),
    lowScoresOf(database, projectId, rows),
  ]);
  return rows.map((row) => serializeItem(row, sizes, lowScores));
}

export async function getReviewItem(database: Queryable, projectId: string, itemId: string): Promise<ReviewItemView | null> {
  const row = await database.reviewItem.findFirst({ where: { id: itemId, projectId }, select: reviewItemSelect });
  if (!row) return null;
  const [sizes, lowScores] = await Promise.all([
    clusterSizes(database, projectId, row.clusterId ? [row.clusterId] : []),
    lowScoresOf(database, projectId, [row]),
  ]);
  return serializeItem(row, sizes, lowScores);
}

/** Counts for the queue page: items per status, and open items per reason. */
export async function reviewQueueCounts(database: Queryable, projectId: string) {
  const [byStatus, byReason] = await Promise.all([
    database.reviewItem.groupBy({ by: ["status"], where: { projectId }, _count: { _all: true } }),
    database.$queryRaw<{ reason: string; count: bigint }[]>`
      SELECT s.reason::text AS reason, count(DISTINCT s.item_id) AS count FROM review_signals s
      JOIN review_items i ON i.id = s.item_id
      WHERE s.project_id = ${projectId}::uuid AND i.status IN ('open', 'in_review') GROUP BY s.reason`,
  ]);
  return {
    byStatus: Object.fromEntries(byStatus.map((group) => [group.status, group._count._all])) as Partial<Record<string, number>>,
    openByReason: Object.fromEntries(byReason.map((row) => [row.reason, Number(row.count)])) as Partial<Record<string, number>>,
  };
}

/** Other items of the item's cluster (the similar complaints), with their prompts. */
export async function clusterNeighbours(database: Queryable, projectId: string, itemId: string, limit = 10) {
  const item = await database.reviewItem.findFirst({ where: { id: itemId, projectId }, select: { clusterId: true } });
  if (!item?.clusterId) return [];
  return database.reviewItem.findMany({
    where: { projectId, clusterId: item.clusterId, id: { not: itemId } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, traceId: true, status: true },
  });
}

/** Every change to the item's annotations, oldest first: who, when, before and after. */
export async function annotationHistory(database: Queryable, projectId: string, itemId: string) {
  const revisions = await database.annotationRevision.findMany({
    where: { projectId, annotation: { itemId } },
    orderBy: { createdAt: "asc" },
    select: { id: true, before: true, after: true, createdAt: true, editor: { select: { email: true } } },
  });
  type Fields = { category?: string | null; decision?: string; severity?: string } | null;
  return revisions.map((revision) => ({
    id: revision.id,
    editor: revision.editor.email,
    at: revision.createdAt.toISOString(),
    before: revision.before as Fields,
    after: revision.after as Fields,
  }));
}

export interface RoutingFreshness {
  /** Feedback received up to here has been routed into the queue; null before the first pass. */
  routedUntil: Date | null;
  /** Whether feedback arrived after that, which the next pass of the routing job will route. */
  newerFeedback: boolean;
}

/**
 * How fresh the queue is. Routing is the routing job's (reviewRoutingJob.ts, every 10 s);
 * the queue page only reads its mark, so opening the page never routes (reads never write).
 */
export async function reviewRoutingFreshness(database: Queryable, projectId: string): Promise<RoutingFreshness> {
  const state = await database.reviewRoutingState.findUnique({ where: { projectId }, select: { routedUntil: true } });
  const newer = await database.feedbackEvent.findFirst({
    where: { projectId, ...(state ? { receivedAt: { gt: state.routedUntil } } : {}) },
    select: { id: true },
  });
  return { routedUntil: state?.routedUntil ?? null, newerFeedback: newer !== null };
}

/** "4 s", "3 min", "2 h", "5 d": how long ago, in the largest unit that keeps it readable. */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86_400)} d`;
}

/** The queue page's freshness line, e.g. "Routed up to 12:03:10 UTC, 4 s ago; newer feedback joins on the next pass". */
export function describeRoutingFreshness(freshness: RoutingFreshness, now: Date): string {
  if (!freshness.routedUntil) {
    return freshness.newerFeedback
      ? "Feedback has arrived and joins the queue on the routing job's first pass (every 10 s)."
      : "No feedback yet.";
  }
  const until = `${freshness.routedUntil.toISOString().slice(11, 19)} UTC, ${formatAge(now.getTime() - freshness.routedUntil.getTime())} ago`;
  return freshness.newerFeedback
    ? `Routed up to ${until}; newer feedback joins the queue on the next pass (every 10 s).`
    : `Routed up to ${until}: all feedback received so far has been routed.`;
}
