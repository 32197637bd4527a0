import type { Database } from "@/server/db/client";
import type { ReviewReason } from "@/generated/prisma/enums";
import type { ReviewRuleSet } from "@/contracts/review";
import { getReviewRules } from "@/server/review/reviewRules";
import { simhash64, toSigned64 } from "@/server/review/simhash";
import { stableDraw } from "@/server/stats/stableDraw";
import { nearDuplicateBits, reviewPriority } from "@/server/review/reviewPriority";
import { promptText } from "@/server/review/conversation";
import { listScoreConfigs } from "@/server/scores/scoreConfigs";
import { isLowScore } from "@/server/review/lowScore";

interface FeedbackForRouting {
  id: string;
  traceId: string;
  type: string;
  value: number | null;
  scale: number | null;
  /** received_at: the position in the keyset walk. */
  at: Date;
  input: unknown;
}

interface ScoreForRouting {
  id: string;
  traceId: string;
  name: string;
  value: number;
  /** created_at: the position in the keyset walk. */
  at: Date;
  input: unknown;
}

/** One reason to review a trace, from one feedback event or one score (the signal's idempotency key). */
interface RoutedSignal {
  traceId: string;
  input: unknown;
  reason: ReviewReason;
  source:
    | { feedbackEventId: string; scoreId: null; driftRunId: null }
    | { feedbackEventId: null; scoreId: string; driftRunId: null }
    | { feedbackEventId: null; scoreId: null; driftRunId: string };
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
 * How long feedback waits for its trace. Only a secret key can send traces, while public
 * keys sit in every page: feedback on a trace the project has never seen is therefore no
 * review item until that trace arrives, and once a day has passed without it, it never
 * is (it stays stored, and counted in metrics).
 */
export const traceWaitMs = 24 * 3_600_000;
const capWindowMs = 3_600_000;

type Page<Row> = (after: { at: Date; id: string }) => Promise<Row[]>;

const feedbackSignal =
  (rules: ReviewRuleSet) =>
  (event: FeedbackForRouting): RoutedSignal | null => {
    const reason = reviewReasonFor(event, rules);
    return reason
      ? { traceId: event.traceId, input: event.input, reason, source: { feedbackEventId: event.id, scoreId: null, driftRunId: null } }
      : null;
  };

const scoreSignal = (score: ScoreForRouting): RoutedSignal => ({
  traceId: score.traceId,
  input: score.input,
  reason: "low_score",
  source: { feedbackEventId: null, scoreId: score.id, driftRunId: null },
});

/**
 * Turns feedback into review items: one item per trace, each routed event attached as a
 * signal (an event routed twice adds nothing), new items fingerprinted and clustered with
 * near-duplicate negative prompts, and the priority of every touched item and cluster
 * recomputed. Two sources, each read in pages: feedback received since the last pass
 * whose trace is there, and feedback that was waiting for a trace that arrived since
 * (within `traceWaitMs`). Feedback for traces that never arrive costs one indexed look-up
 * per event, once. Scores are a third source: those written since the last pass whose
 * config sets a review threshold, the low ones attached as `low_score` signals (one per
 * score). At most `maxNewItemsPerHour` items are created per project an hour (negative
 * feedback first); events on further new traces are not queued (an event attaching to an
 * existing item needs no budget). Idempotent; runs in the background (reviewRoutingJob).
 * Returns how many signals it added.
 */
export async function routeNewFeedback(database: Database, projectId: string, now: Date): Promise<number> {
  const rules = await getReviewRules(database, projectId);
  const state = await database.reviewRoutingState.findUnique({ where: { projectId }, select: { routedUntil: true } });
  const since = new Date((state?.routedUntil.getTime() ?? 0) - commitLagMs);
  const [created] = await database.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM review_items
    WHERE project_id = ${projectId}::uuid AND created_at > ${new Date(now.getTime() - capWindowMs)}`;
  const budget = { newItems: Math.max(0, rules.maxNewItemsPerHour - (created?.count ?? 0)) };

  // Keyset on (received_at, id): a batch of events shares one received_at, and a page
  // boundary inside it must not skip the rest of the batch.
  const received: Page<FeedbackForRouting> = (after) => database.$queryRaw<FeedbackForRouting[]>`
    SELECT f.id, f.trace_id AS "traceId", f.type::text AS type, f.value, f.scale, f.received_at AS "at", t.input
    FROM feedback_events f
    JOIN traces t ON t.project_id = f.project_id AND t.id = f.trace_id
    WHERE f.project_id = ${projectId}::uuid AND (f.received_at, f.id) > (${after.at}::timestamptz, ${after.id})
      AND NOT EXISTS (SELECT 1 FROM review_signals s WHERE s.project_id = f.project_id AND s.feedback_event_id = f.id)
    ORDER BY f.received_at, f.id
    LIMIT ${pageSize}`;
  const waiting: Page<FeedbackForRouting> = (after) => database.$queryRaw<FeedbackForRouting[]>`
    SELECT f.id, f.trace_id AS "traceId", f.type::text AS type, f.value, f.scale, f.received_at AS "at", t.input
    FROM traces t
    JOIN feedback_events f ON f.project_id = t.project_id AND f.trace_id = t.id
    WHERE t.project_id = ${projectId}::uuid AND t.updated_at > ${since}
      AND f.received_at < ${since} AND f.received_at >= t.created_at - ${`${traceWaitMs / 1000} seconds`}::interval
      AND (f.received_at, f.id) > (${after.at}::timestamptz, ${after.id})
      AND NOT EXISTS (SELECT 1 FROM review_signals s WHERE s.project_id = f.project_id AND s.feedback_event_id = f.id)
    ORDER BY f.received_at, f.id
    LIMIT ${pageSize}`;

  let added = await routePages(database, projectId, budget, received, feedbackSignal(rules), since, now);
  if (state) added += await routePages(database, projectId, budget, waiting, feedbackSignal(rules), new Date(0), now);
  if (rules.lowScores) added += await routeNewScores(database, projectId, budget, since, now);
  const routedUntil = new Date(Math.max(state?.routedUntil.getTime() ?? 0, now.getTime()));
  await database.reviewRoutingState.upsert({ where: { projectId }, create: { projectId, routedUntil }, update: { routedUntil } });
  return added;
}

/**
 * Low scores written since `since`: only names whose config sets a review threshold are
 * read (by the (project, name, created_at) index), and a score becomes a signal when
 * `isLowScore` says so. Scores need no waiting: a score can only name a stored trace.
 */
async function routeNewScores(
  database: Database,
  projectId: string,
  budget: { newItems: number },
  since: Date,
  now: Date,
): Promise<number> {
  const configs = new Map(
    (await listScoreConfigs(database, projectId))
      .filter((config) => config.reviewThreshold !== null)
      .map((config) => [config.name, config]),
  );
  if (configs.size === 0) return 0;
  const names = [...configs.keys()];
  const scores: Page<ScoreForRouting> = (after) => database.$queryRaw<ScoreForRouting[]>`
    SELECT s.id, s.trace_id AS "traceId", s.name, s.value, s.created_at AS "at", t.input
    FROM scores s
    JOIN traces t ON t.project_id = s.project_id AND t.id = s.trace_id
    WHERE s.project_id = ${projectId}::uuid AND s.name = ANY(${names}::text[]) AND s.value IS NOT NULL
      AND (s.created_at, s.id) > (${after.at}::timestamptz, ${after.id})
      AND NOT EXISTS (SELECT 1 FROM review_signals r WHERE r.project_id = s.project_id AND r.score_id = s.id)
    ORDER BY s.created_at, s.id
    LIMIT ${pageSize}`;
  const lowScoreSignal = (score: ScoreForRouting): RoutedSignal | null => {
    const config = configs.get(score.name);
    return config && isLowScore(score.value, config) ? scoreSignal(score) : null;
  };
  return routePages(database, projectId, budget, scores, lowScoreSignal, since, now);
}

/**
 * Traces a person sent from a drift run: each joins the queue (or, when it is there already,
 * gains the drift reason), clustered and prioritised like routed feedback. A person's choice
 * is not held to the hourly cap on new items.
 */
export async function sendDriftExamplesToReview(
  database: Database,
  projectId: string,
  driftRunId: string,
  traces: readonly { traceId: string; input: unknown }[],
  now: Date,
): Promise<{ added: number; alreadyQueued: number }> {
  const existing = await database.reviewItem.count({ where: { projectId, traceId: { in: traces.map((trace) => trace.traceId) } } });
  const routed = traces.map(({ traceId, input }): RoutedSignal => ({
    traceId,
    input,
    reason: "drift",
    source: { feedbackEventId: null, scoreId: null, driftRunId },
  }));
  const budget = { newItems: Number.POSITIVE_INFINITY };
  for (const chunk of byTraceChunks(routed)) await attachSignals(database, projectId, chunk, budget, now);
  return { added: traces.length - existing, alreadyQueued: existing };
}

async function routePages<Row extends { id: string; at: Date }>(
  database: Database,
  projectId: string,
  budget: { newItems: number },
  page: Page<Row>,
  signalOf: (row: Row) => RoutedSignal | null,
  from: Date,
  now: Date,
): Promise<number> {
  let after = { at: from, id: "" };
  let added = 0;
  for (;;) {
    const rows = await page(after);
    const routed = rows.flatMap((row) => {
      const signal = signalOf(row);
      return signal ? [signal] : [];
    });
    for (const chunk of byTraceChunks(routed)) added += await attachSignals(database, projectId, chunk, budget, now);
    const last = rows.at(-1);
    if (rows.length < pageSize || !last) return added;
    after = { at: last.at, id: last.id };
  }
}

// Each new item looks for its cluster among the project's items: a transaction handles a
// few hundred traces, so none holds the routing lock (or its connection) for long.
const tracesPerTransaction = 200;

function byTraceChunks(routed: RoutedSignal[]): RoutedSignal[][] {
  const byTrace = new Map<string, RoutedSignal[]>();
  for (const entry of routed) byTrace.set(entry.traceId, [...(byTrace.get(entry.traceId) ?? []), entry]);
  const groups = [...byTrace.values()];
  const chunks: RoutedSignal[][] = [];
  for (let i = 0; i < groups.length; i += tracesPerTransaction) chunks.push(groups.slice(i, i + tracesPerTransaction).flat());
  return chunks;
}

async function attachSignals(
  database: Database,
  projectId: string,
  routed: RoutedSignal[],
  budget: { newItems: number },
  now: Date,
): Promise<number> {
  return database.$transaction(
    async (tx) => {
      await lockRouting(tx, projectId);
      const byTrace = new Map<string, RoutedSignal[]>();
      for (const entry of routed) byTrace.set(entry.traceId, [...(byTrace.get(entry.traceId) ?? []), entry]);

      const existing = await tx.reviewItem.findMany({
        where: { projectId, traceId: { in: [...byTrace.keys()] } },
        select: { id: true, traceId: true },
      });
      const itemOf = new Map(existing.map((item) => [item.traceId, item.id]));
      const isNegative = (entries: { reason: ReviewReason }[]) => entries.some(({ reason }) => reason !== "sampled_positive");
      // The hour's budget goes to complaints before sampled praise.
      const newTraces = [...byTrace].filter(([traceId]) => !itemOf.has(traceId));
      newTraces.sort(([, a], [, b]) => Number(isNegative(b)) - Number(isNegative(a)));
      const touchedClusters = new Set<string>();
      for (const [traceId, entries] of newTraces) {
        if (budget.newItems <= 0) break;
        budget.newItems -= 1;
        const negative = isNegative(entries);
        const fingerprint = simhash64(promptText(entries[0]?.input));
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
            // The routing clock, which the hourly cap counts by.
            createdAt: now,
          },
          select: { id: true, clusterId: true },
        });
        // A negative prompt like no other (or with no text to compare) starts its own cluster.
        if (negative && !clusterId) await tx.reviewItem.update({ where: { id: item.id }, data: { clusterId: item.id } });
        touchedClusters.add(clusterId ?? item.id);
        itemOf.set(traceId, item.id);
      }
      // Signals on traces left without an item (over the hour's budget) are not queued.
      const attachable = routed.filter(({ traceId }) => itemOf.has(traceId));
      const inserted = await tx.reviewSignal.createMany({
        data: attachable.map(({ traceId, reason, source }) => ({
          projectId,
          itemId: itemOf.get(traceId) ?? "",
          reason,
          ...source,
        })),
        skipDuplicates: true,
      });
      await updatePriorities(tx, projectId, [...new Set(itemOf.values())], [...touchedClusters]);
      return inserted.count;
    },
    { timeout: 30_000 },
  );
}

type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/** Routing passes of one project run one at a time (the job and a queue read may meet). */
async function lockRouting(tx: Transaction, projectId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('review-routing:' || ${projectId}, 0))`;
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
