import type { Queryable } from "@/server/db/client";

/** The feedback fields a summary reads (a feedback_events row or a stored event). */
export interface FeedbackFacts {
  type: string;
  value: number | null;
  scale: number | null;
  reasons: string[];
  comment: string | null;
  category: string | null;
  occurredAt: Date;
}

/** What the end user said about one answer, in one glance: keys here, labels in the UI. */
export interface FeedbackSummary {
  /** The last thumb given; null when none was, or the last one was withdrawn. */
  thumb: "up" | "down" | null;
  /** The last rating, on its own scale. */
  rating: { value: number; scale: number } | null;
  /** Reason keys the user picked, each once, in the order first picked. */
  reasons: string[];
  /** Free-text comments, newest first. */
  comments: string[];
  /** Reports, newest first: the report category key and the user's text. */
  reports: { category: string | null; comment: string | null }[];
  rephrased: boolean;
  regenerated: boolean;
  events: number;
}

/**
 * Folds a trace's feedback events into one summary. A later thumb or rating replaces an
 * earlier one (users change their minds), reasons accumulate.
 */
export function summarizeFeedback(events: FeedbackFacts[]): FeedbackSummary {
  const ordered = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const summary: FeedbackSummary = {
    thumb: null,
    rating: null,
    reasons: [],
    comments: [],
    reports: [],
    rephrased: false,
    regenerated: false,
    events: events.length,
  };
  for (const event of ordered) {
    if (event.type === "thumb") summary.thumb = event.value === 1 ? "up" : event.value === -1 ? "down" : null;
    else if (event.type === "rating" && event.value !== null) summary.rating = { value: event.value, scale: event.scale ?? 5 };
    else if (event.type === "report") summary.reports.unshift({ category: event.category, comment: event.comment });
    else if (event.type === "rephrase") summary.rephrased = true;
    else if (event.type === "regenerate") summary.regenerated = true;
    for (const reason of event.reasons) if (!summary.reasons.includes(reason)) summary.reasons.push(reason);
    if (event.comment && event.type !== "report") summary.comments.unshift(event.comment);
  }
  return summary;
}

/** Summaries of the feedback on these traces, one query for all of them. */
export async function feedbackSummaries(database: Queryable, projectId: string, traceIds: string[]): Promise<Map<string, FeedbackSummary>> {
  if (traceIds.length === 0) return new Map();
  const rows = await database.feedbackEvent.findMany({
    where: { projectId, traceId: { in: traceIds } },
    select: { traceId: true, type: true, value: true, scale: true, reasons: true, comment: true, category: true, occurredAt: true },
  });
  const byTrace = new Map<string, FeedbackFacts[]>();
  for (const row of rows) byTrace.set(row.traceId, [...(byTrace.get(row.traceId) ?? []), row]);
  return new Map(traceIds.map((id) => [id, summarizeFeedback(byTrace.get(id) ?? [])]));
}
