import { feedbackEventSchema } from "@/contracts/feedback";
import type { BatchResult } from "@/contracts/batch";
import type { FeedbackEvent } from "@liveloop/widget";
import type { Queryable } from "@/server/db/client";
import { validateBatchItems, type Rejection } from "@/server/api/batchValidation";
import { maskPii, maskPiiInJson, type JsonValue } from "@/server/pii/detectors";
import { feedbackTokenProblem } from "@/server/feedback/feedbackTokens";
import { insertFeedbackRows, type FeedbackRow } from "@/server/feedback/feedbackSql";
import { feedbackPolicy } from "@/server/feedback/feedbackPolicy";

function feedbackRow(projectId: string, event: FeedbackEvent, mask: boolean, receivedAt: Date): FeedbackRow {
  const text = (value: string | undefined) => (value === undefined ? null : mask ? maskPii(value) : value);
  const metadata = event.metadata === undefined ? null : mask ? maskPiiInJson(event.metadata as JsonValue) : event.metadata;
  return {
    projectId,
    id: event.id,
    type: event.type,
    traceId: event.traceId,
    sessionId: event.sessionId ?? null,
    userId: event.userId ?? null,
    value: event.value ?? null,
    scale: event.type === "rating" ? (event.scale ?? 5) : null,
    reasons: event.reasons ?? [],
    comment: text(event.comment),
    category: event.category ?? null,
    metadata: metadata === null ? null : JSON.stringify(metadata),
    occurredAt: event.timestamp,
    receivedAt: receivedAt.toISOString(),
  };
}

/**
 * Stores a batch of feedback events exactly once each. Every event is checked alone
 * (shape, then its feedback token); the valid ones are written in one statement, and an
 * id stored before (a retry, a replayed beacon) is answered as a duplicate, not a row.
 */
export async function ingestFeedback(database: Queryable, projectId: string, rawEvents: unknown[], now: Date): Promise<BatchResult> {
  const { valid, rejected } = validateBatchItems(rawEvents, feedbackEventSchema, "event");
  if (valid.length === 0) return { accepted: [], duplicates: [], rejected };
  const policy = await feedbackPolicy(database, projectId);

  const authorised: FeedbackEvent[] = [];
  const repeated: string[] = [];
  const seen = new Set<string>();
  for (const { index, item: event } of valid) {
    const problem = feedbackTokenProblem(policy, event, now);
    if (problem) rejected.push({ id: event.id, index, status: 403, message: problem } satisfies Rejection);
    else if (seen.has(event.id)) repeated.push(event.id);
    else authorised.push(event);
    seen.add(event.id);
  }
  rejected.sort((a, b) => a.index - b.index);

  const inserted = await insertFeedbackRows(
    database,
    authorised.map((event) => feedbackRow(projectId, event, policy.maskPersonalData, now)),
  );
  const accepted = authorised.filter((event) => inserted.has(event.id)).map((event) => event.id);
  const duplicates = [...authorised.filter((event) => !inserted.has(event.id)).map((event) => event.id), ...repeated];
  return { accepted, duplicates, rejected };
}
