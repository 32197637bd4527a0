import { db, type Queryable } from "@/server/db/client";
import { can, type Role } from "@/server/auth/permissions";
import type { AnnotationView, LowScore, reviewReasons, reviewStatuses } from "@/contracts/review";
import type { AssistantMessage, ChatMessage } from "@/contracts/chatMessage";
import { annotationHistory, clusterNeighbours, getReviewItem } from "@/server/review/reviewQueries";
import { getReviewRules } from "@/server/review/reviewRules";
import { annotatorsDisagree, seesOthersLabels } from "@/server/review/agreementQueries";
import { loadFeedbackSummaries, summariseFeedback, type FeedbackSummary } from "@/server/feedback/feedbackSummary";
import { readPriority, type PriorityLevel } from "@/server/review/reviewPriority";
import { conversationOf, excerpt, promptText } from "@/server/review/conversation";

export interface ItemViewer {
  userId: string;
  role: Role;
}

type Fields = { category?: string | null; decision?: string; severity?: string } | null;

/** The item page's view model: what the annotator judges, and what they may see of others' labels. */
export interface ReviewItemPageView {
  id: string;
  traceId: string;
  status: (typeof reviewStatuses)[number];
  reasons: (typeof reviewReasons)[number][];
  /** The scores behind a low_score reason. */
  lowScores: LowScore[];
  priority: { level: PriorityLevel; similar: number };
  createdAt: string;
  leasedBy: string | null;
  /** Null until the trace arrives (feedback can come first). */
  trace: {
    /** The conversation up to the answer, each message once. */
    messages: ChatMessage[];
    /** The answer under review: text, tool calls, or both. */
    answer: AssistantMessage;
    model: string | null;
    release: string | null;
    promptVersion: string | null;
    latencyMs: number | null;
    failed: boolean;
    steps: number;
  } | null;
  feedback: FeedbackSummary;
  neighbours: { id: string; question: string | null; status: (typeof reviewStatuses)[number] }[];
  /** Others' labels stay hidden until the viewer has labelled the item (adjudicators see all). */
  annotations: AnnotationView[];
  history: { id: string; editor: string; at: string; before: Fields; after: Fields }[];
  /** How an owner or admin settled a disagreement (category null: no failure); null while unsettled. */
  settled: { category: string | null } | null;
  /** The viewer holds the lease: the label form is theirs. */
  heldByMe: boolean;
  canAnnotate: boolean;
  /** Annotators disagree, nobody has settled it, and the viewer may. */
  canAdjudicate: boolean;
  failureCategories: string[];
}

/** One review item as `viewer` may see it, or null when the project has no such item. */
export async function loadReviewItem(
  database: Queryable,
  projectId: string,
  itemId: string,
  viewer: ItemViewer,
): Promise<ReviewItemPageView | null> {
  const item = await getReviewItem(database, projectId, itemId);
  if (!item) return null;
  const [trace, steps, rules, neighbours, feedback, heldByMe] = await Promise.all([
    database.trace.findUnique({
      where: { projectId_id: { projectId, id: item.traceId } },
      select: { input: true, output: true, model: true, release: true, promptVersion: true, latencyMs: true, status: true },
    }),
    database.span.count({ where: { projectId, traceId: item.traceId } }),
    getReviewRules(database, projectId),
    clusterNeighbours(database, projectId, itemId),
    loadFeedbackSummaries(database, projectId, [item.traceId]),
    database.reviewItem.count({ where: { id: itemId, projectId, status: "in_review", leasedById: viewer.userId } }),
  ]);
  const neighbourTraces = await database.trace.findMany({
    where: { projectId, id: { in: neighbours.map((neighbour) => neighbour.traceId) } },
    select: { id: true, input: true },
  });
  const questionOf = new Map(neighbourTraces.map((row) => [row.id, excerpt(promptText(row.input), 140)]));
  const visible = seesOthersLabels(
    viewer,
    item.annotations.map((annotation) => annotation.annotatorId),
  );
  const annotations = visible ? item.annotations : [];
  const disagree = annotatorsDisagree(item.annotations.map((annotation) => annotation.category));
  return {
    id: item.id,
    traceId: item.traceId,
    status: item.status,
    reasons: item.reasons,
    lowScores: item.lowScores,
    priority: readPriority(item.priority),
    createdAt: item.createdAt,
    leasedBy: item.leasedBy,
    trace: trace
      ? {
          ...conversationOf(trace.input, trace.output),
          model: trace.model,
          release: trace.release,
          promptVersion: trace.promptVersion,
          latencyMs: trace.latencyMs,
          failed: trace.status === "error",
          steps,
        }
      : null,
    feedback: feedback.get(item.traceId) ?? summariseFeedback([]),
    neighbours: neighbours.map((neighbour) => ({
      id: neighbour.id,
      question: questionOf.get(neighbour.traceId) ?? null,
      status: neighbour.status,
    })),
    annotations,
    history: annotations.length > 0 ? await annotationHistory(database, projectId, itemId) : [],
    settled: visible && item.adjudicatedAt !== null ? { category: item.adjudicatedCategory } : null,
    heldByMe: heldByMe === 1,
    canAnnotate: can(viewer.role, "review:annotate"),
    canAdjudicate: visible && disagree && item.adjudicatedAt === null && can(viewer.role, "review:adjudicate"),
    failureCategories: rules.failureCategories,
  };
}

/** The item page's view model from the process database. */
export function reviewItemView(projectId: string, itemId: string, viewer: ItemViewer): Promise<ReviewItemPageView | null> {
  return loadReviewItem(db(), projectId, itemId, viewer);
}
