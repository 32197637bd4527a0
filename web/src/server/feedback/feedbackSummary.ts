import type { StoredFeedbackEvent } from "@/contracts/feedback";
import type { Queryable } from "@/server/db/client";
import { listFeedbackOfTraces } from "@/server/feedback/feedbackQueries";

/** The fields of a stored feedback event that a summary reads. */
export type FeedbackFacts = Pick<
  StoredFeedbackEvent,
  "id" | "traceId" | "type" | "timestamp" | "receivedAt" | "sessionId" | "userId" | "value" | "scale" | "reasons" | "comment" | "category"
>;

/**
 * A trace's (or a session's) end-user feedback in one object: counts for list columns (the
 * traces and sessions pages) and what a reviewer reads (the review queue and item pages).
 * Keys here, labels in the UI.
 */
export interface FeedbackSummary {
  /** Feedback events folded in, of every type (a copy counts too). */
  events: number;
  /** People whose latest thumb on a trace is up / down (see `summariseFeedback`). */
  thumbsUp: number;
  thumbsDown: number;
  /** Mean of each person's latest rating, out of 5; null without ratings. */
  averageRating: number | null;
  /** People who rated (each counted once per trace). */
  ratings: number;
  /** The newest thumb that still stands; null when none does (never given, or withdrawn). */
  thumb: "up" | "down" | null;
  /** The newest rating, on its own scale. */
  rating: { value: number; scale: number } | null;
  /** Reason keys, each once: most picked first, ties in the order first picked. */
  reasons: string[];
  /** Free-text comments (a report's text is the report's), newest first. */
  comments: string[];
  /** Reports, newest first: the category key and the user's text. */
  reports: { category: string | null; comment: string | null }[];
  rephrased: boolean;
  regenerated: boolean;
}

const newestFirst = (a: FeedbackFacts, b: FeedbackFacts) =>
  Date.parse(b.timestamp) - Date.parse(a.timestamp) || Date.parse(b.receivedAt) - Date.parse(a.receivedAt);

/**
 * Folds feedback events into one summary (they are put in time order here).
 *
 * The per-person rule: a person counts once per trace. Only their latest thumb and latest
 * rating on that trace count (people change their minds; a withdrawn thumb counts as none).
 * A person is their user id, else their session, else the event itself (anonymous feedback
 * cannot be told apart). Because the person is per trace, a session's summary is this same
 * fold over all its turns' events: one person's thumbs on two turns are two thumbs.
 *
 * Reasons, comments and reports accumulate; the newest rating and the newest standing thumb
 * are what a reviewer sees first.
 */
export function summariseFeedback(events: readonly FeedbackFacts[]): FeedbackSummary {
  // Walked oldest first, so a later event replaces an earlier one. Events given at the same
  // moment keep their given order, read as newest first (as the feedback queries return them).
  const ordered = [...events].sort(newestFirst).reverse();
  const thumbs = new Map<string, { value: number; order: number }>();
  const ratings = new Map<string, number>();
  const reasonPicks = new Map<string, number>();
  const summary: FeedbackSummary = {
    events: events.length,
    thumbsUp: 0,
    thumbsDown: 0,
    averageRating: null,
    ratings: 0,
    thumb: null,
    rating: null,
    reasons: [],
    comments: [],
    reports: [],
    rephrased: false,
    regenerated: false,
  };
  ordered.forEach((event, order) => {
    const person = `${event.traceId}\u0000${event.userId ?? (event.sessionId ? `session:${event.sessionId}` : `event:${event.id}`)}`;
    if (event.type === "thumb") thumbs.set(person, { value: event.value ?? 0, order });
    else if (event.type === "rating" && event.value !== null) {
      const scale = event.scale ?? 5;
      ratings.set(person, (event.value / scale) * 5);
      summary.rating = { value: event.value, scale };
    } else if (event.type === "report") summary.reports.unshift({ category: event.category, comment: event.comment });
    else if (event.type === "rephrase") summary.rephrased = true;
    else if (event.type === "regenerate") summary.regenerated = true;
    for (const reason of event.reasons) reasonPicks.set(reason, (reasonPicks.get(reason) ?? 0) + 1);
    if (event.comment && event.type !== "report") summary.comments.unshift(event.comment);
  });
  let newestStanding = -1;
  for (const { value, order } of thumbs.values()) {
    if (value === 1) summary.thumbsUp += 1;
    if (value === -1) summary.thumbsDown += 1;
    if ((value === 1 || value === -1) && order > newestStanding) {
      newestStanding = order;
      summary.thumb = value === 1 ? "up" : "down";
    }
  }
  const personRatings = [...ratings.values()];
  summary.ratings = personRatings.length;
  summary.averageRating = personRatings.length === 0 ? null : personRatings.reduce((sum, value) => sum + value, 0) / personRatings.length;
  // A Map keeps first-insertion order and the sort is stable: ties stay in first-picked order.
  summary.reasons = [...reasonPicks].sort((a, b) => b[1] - a[1]).map(([reason]) => reason);
  return summary;
}

/** Summaries of the feedback on these traces, one query for all of them; every id gets one. */
export async function loadFeedbackSummaries(
  database: Queryable,
  projectId: string,
  traceIds: readonly string[],
): Promise<Map<string, FeedbackSummary>> {
  const byTrace =
    traceIds.length === 0 ? new Map<string, StoredFeedbackEvent[]>() : await listFeedbackOfTraces(database, projectId, [...traceIds]);
  return new Map(traceIds.map((id) => [id, summariseFeedback(byTrace.get(id) ?? [])]));
}
