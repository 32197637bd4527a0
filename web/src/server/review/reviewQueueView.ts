import { db, type Queryable } from "@/server/db/client";
import { can, type Role } from "@/server/auth/permissions";
import { parseConsoleFilters } from "@/server/console/consoleFilters";
import type { SearchParams } from "@/server/console/searchParams";
import {
  reviewItemListQuerySchema,
  type annotationDecisions,
  type LowScore,
  type ReviewItemListQuery,
  type reviewReasons,
  type reviewStatuses,
} from "@/contracts/review";
import {
  describeRoutingFreshness,
  formatAge,
  listReviewItems,
  reviewQueueCounts,
  reviewRoutingFreshness,
} from "@/server/review/reviewQueries";
import { getReviewRules } from "@/server/review/reviewRules";
import { seesOthersLabels } from "@/server/review/agreementQueries";
import { loadFeedbackSummaries, summariseFeedback, type FeedbackSummary } from "@/server/feedback/feedbackSummary";
import { readPriority, type PriorityLevel } from "@/server/review/reviewPriority";
import { excerpt, promptText, textOf } from "@/server/review/conversation";

export interface QueueViewer {
  userId: string;
  role: Role;
}

/** One row of the queue: enough to judge the item at a glance without opening it. */
export interface ReviewQueueRow {
  id: string;
  /** The user's question (last user message), shortened; null when the trace has not arrived. */
  question: string | null;
  answer: string | null;
  feedback: FeedbackSummary;
  priority: { level: PriorityLevel; similar: number };
  reasons: (typeof reviewReasons)[number][];
  /** The scores behind a low_score reason. */
  lowScores: LowScore[];
  clusterId: string | null;
  status: (typeof reviewStatuses)[number];
  leasedBy: string | null;
  createdAt: string;
  /** "4 min": how long it has waited. */
  queuedAgo: string;
  /** The verdicts the viewer may see (their own, or all for adjudicators): decision and category keys. */
  verdicts: { decision: (typeof annotationDecisions)[number]; category: string | null }[];
  /** Verdicts given by others that stay hidden until the viewer has labelled the item. */
  hiddenVerdicts: number;
  /** How an owner or admin settled a disagreement (category null: no failure); null while unsettled. */
  settled: { category: string | null } | null;
}

export interface ReviewQueueView {
  query: ReviewItemListQuery;
  /** What was wrong with the URL's filters (the defaults are shown instead), or null. */
  filterError: string | null;
  rows: ReviewQueueRow[];
  progress: {
    leftInQueue: number;
    inReview: number;
    doneToday: number;
    labelledByYouToday: number;
    openByReason: Partial<Record<string, number>>;
  };
  freshness: string;
  failureCategories: string[];
  canAnnotate: boolean;
}

/** Start of the UTC day `now` falls in: "today" for progress counts (the console reads times in UTC). */
function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * The queue page's view model: the items the URL's filters select (open by default), with
 * question, answer and feedback for each, the viewer's progress today, and how fresh the
 * queue is. Reads only: routing is the routing job's.
 */
export async function loadReviewQueue(
  database: Queryable,
  projectId: string,
  viewer: QueueViewer,
  searchParams: SearchParams,
  now: Date,
): Promise<ReviewQueueView> {
  const parsed = parseConsoleFilters(reviewItemListQuerySchema, searchParams, { limit: 100 });
  // The queue opens on what is waiting (also when the URL's filters were invalid); an explicit status overrides it.
  const query = { ...parsed.query, status: parsed.query.status ?? "open" };
  const error = parsed.error;
  const today = startOfUtcDay(now);
  const [items, counts, freshness, rules, doneToday, labelledByYouToday] = await Promise.all([
    listReviewItems(database, projectId, query, can(viewer.role, "review:adjudicate") ? {} : { labelledBy: viewer.userId }),
    reviewQueueCounts(database, projectId),
    reviewRoutingFreshness(database, projectId),
    getReviewRules(database, projectId),
    // By the labels given today: an item's updatedAt also moves when routing re-prioritises its cluster.
    database.reviewItem.count({
      where: { projectId, status: { in: ["done", "dismissed"] }, annotations: { some: { updatedAt: { gte: today } } } },
    }),
    database.annotation.count({ where: { projectId, annotatorId: viewer.userId, updatedAt: { gte: today } } }),
  ]);
  const traceIds = items.map((item) => item.traceId);
  const [traces, feedback] = await Promise.all([
    database.trace.findMany({ where: { projectId, id: { in: traceIds } }, select: { id: true, input: true, output: true } }),
    loadFeedbackSummaries(database, projectId, traceIds),
  ]);
  const traceById = new Map(traces.map((trace) => [trace.id, trace]));
  const rows = items.map((item): ReviewQueueRow => {
    const trace = traceById.get(item.traceId);
    const visible = seesOthersLabels(
      viewer,
      item.annotations.map((annotation) => annotation.annotatorId),
    );
    const verdicts = item.annotations
      .filter((annotation) => visible || annotation.annotatorId === viewer.userId)
      .map((annotation) => ({ decision: annotation.decision, category: annotation.category }));
    return {
      id: item.id,
      question: trace ? excerpt(promptText(trace.input)) : null,
      answer: trace ? excerpt(textOf(trace.output)) : null,
      feedback: feedback.get(item.traceId) ?? summariseFeedback([]),
      priority: readPriority(item.priority),
      reasons: item.reasons,
      lowScores: item.lowScores,
      clusterId: item.clusterSize > 1 ? item.clusterId : null,
      status: item.status,
      leasedBy: item.leasedBy,
      createdAt: item.createdAt,
      queuedAgo: formatAge(now.getTime() - new Date(item.createdAt).getTime()),
      verdicts,
      hiddenVerdicts: item.annotations.length - verdicts.length,
      settled: visible && item.adjudicatedAt !== null ? { category: item.adjudicatedCategory } : null,
    };
  });
  return {
    query,
    filterError: error,
    rows,
    progress: {
      leftInQueue: counts.byStatus.open ?? 0,
      inReview: counts.byStatus.in_review ?? 0,
      doneToday,
      labelledByYouToday,
      openByReason: counts.openByReason,
    },
    freshness: describeRoutingFreshness(freshness, now),
    failureCategories: rules.failureCategories,
    canAnnotate: can(viewer.role, "review:annotate"),
  };
}

/** The queue page's view model from the process database. */
export function reviewQueueView(projectId: string, viewer: QueueViewer, searchParams: SearchParams): Promise<ReviewQueueView> {
  return loadReviewQueue(db(), projectId, viewer, searchParams, new Date());
}
