import type { StoredFeedbackEvent } from "@/contracts/feedback";

/** A trace's (or a session's) feedback at a glance, for list columns. */
export interface FeedbackSummary {
  thumbsUp: number;
  thumbsDown: number;
  /** Mean of each person's latest rating, on a 5-point scale; null without ratings. */
  averageRating: number | null;
  ratings: number;
  /** Reason keys people picked, most picked first (the page shows their labels). */
  reasons: string[];
  reports: string[];
  comments: number;
  total: number;
}

/**
 * Counts a person once: their latest thumb and latest rating count, an earlier one they
 * changed does not (a withdrawn thumb counts as none). Events come newest first, as the
 * feedback queries return them. A person is their user id, else their session, else the
 * event itself (anonymous feedback cannot be told apart).
 */
export function summariseFeedback(events: readonly StoredFeedbackEvent[]): FeedbackSummary {
  const thumbs = new Map<string, number>();
  const ratings = new Map<string, number>();
  const reasonCounts = new Map<string, number>();
  const reports = new Set<string>();
  let comments = 0;
  for (const event of events) {
    const person = event.userId ?? (event.sessionId ? `session:${event.sessionId}` : `event:${event.id}`);
    if (event.type === "thumb" && event.value !== null && !thumbs.has(person)) thumbs.set(person, event.value);
    if (event.type === "rating" && event.value !== null && !ratings.has(person))
      ratings.set(person, (event.value / (event.scale ?? 5)) * 5);
    if (event.type === "reasons") for (const reason of event.reasons) reasonCounts.set(reason, (reasonCounts.get(reason) ?? 0) + 1);
    if (event.type === "report") reports.add(event.category ?? "other");
    if (event.type === "comment" || (event.comment !== null && event.type !== "report")) comments += 1;
  }
  const thumbValues = [...thumbs.values()];
  const ratingValues = [...ratings.values()];
  return {
    thumbsUp: thumbValues.filter((value) => value === 1).length,
    thumbsDown: thumbValues.filter((value) => value === -1).length,
    averageRating: ratingValues.length === 0 ? null : ratingValues.reduce((sum, value) => sum + value, 0) / ratingValues.length,
    ratings: ratingValues.length,
    reasons: [...reasonCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([reason]) => reason),
    reports: [...reports],
    comments,
    total: events.length,
  };
}

/** A session's feedback: its turns' summaries added up (a person's thumbs on two turns are two thumbs). */
export function combineFeedbackSummaries(summaries: readonly FeedbackSummary[]): FeedbackSummary {
  const ratings = summaries.reduce((total, summary) => total + summary.ratings, 0);
  const ratingSum = summaries.reduce((total, summary) => total + (summary.averageRating ?? 0) * summary.ratings, 0);
  const add = (key: "thumbsUp" | "thumbsDown" | "comments" | "total") => summaries.reduce((total, summary) => total + summary[key], 0);
  return {
    thumbsUp: add("thumbsUp"),
    thumbsDown: add("thumbsDown"),
    averageRating: ratings === 0 ? null : ratingSum / ratings,
    ratings,
    reasons: [...new Set(summaries.flatMap((summary) => summary.reasons))],
    reports: [...new Set(summaries.flatMap((summary) => summary.reports))],
    comments: add("comments"),
    total: add("total"),
  };
}
