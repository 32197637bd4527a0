import type { StoredFeedbackEvent } from "@/contracts/feedback";
import type { Queryable } from "@/server/db/client";
import type { Prisma } from "@/generated/prisma/client";
import { hasNegativeFeedback } from "@/server/feedback/feedbackSignals";

// The feedback token is checked at ingest and never stored; everything else goes back out.
export const storedFeedbackSelect = {
  id: true,
  type: true,
  traceId: true,
  occurredAt: true,
  receivedAt: true,
  sessionId: true,
  userId: true,
  value: true,
  scale: true,
  reasons: true,
  comment: true,
  category: true,
  metadata: true,
} as const satisfies Prisma.FeedbackEventSelect;

export function serializeFeedback(row: Prisma.FeedbackEventGetPayload<{ select: typeof storedFeedbackSelect }>): StoredFeedbackEvent {
  const { occurredAt, receivedAt, metadata, ...rest } = row;
  return {
    ...rest,
    metadata: metadata as Record<string, unknown> | null,
    timestamp: occurredAt.toISOString(),
    receivedAt: receivedAt.toISOString(),
  };
}

/** A trace's feedback, newest first (by when the user acted, then by arrival). */
export async function listTraceFeedback(database: Queryable, projectId: string, traceId: string): Promise<StoredFeedbackEvent[]> {
  const rows = await database.feedbackEvent.findMany({
    where: { projectId, traceId },
    orderBy: [{ occurredAt: "desc" }, { receivedAt: "desc" }],
    select: storedFeedbackSelect,
    take: 1_000,
  });
  return rows.map(serializeFeedback);
}

/** Feedback of several traces at once (a session's turns), newest first per trace. */
export async function listFeedbackOfTraces(
  database: Queryable,
  projectId: string,
  traceIds: string[],
): Promise<Map<string, StoredFeedbackEvent[]>> {
  const rows = await database.feedbackEvent.findMany({
    where: { projectId, traceId: { in: traceIds } },
    orderBy: [{ occurredAt: "desc" }, { receivedAt: "desc" }],
    select: storedFeedbackSelect,
  });
  const byTrace = new Map<string, StoredFeedbackEvent[]>();
  for (const row of rows) byTrace.set(row.traceId, [...(byTrace.get(row.traceId) ?? []), serializeFeedback(row)]);
  return byTrace;
}

// The trace list's "negative feedback" filter narrows by these ids. Past this many (the most
// recently criticised first) the filter shows the newest only; a per-trace flag kept by the
// rollup job would lift the cap when projects get there.
export const negativeTraceIdCap = 50_000;

/** Ids of the project's traces with negative feedback (feedbackSignals.ts), most recent feedback first. */
export async function tracesWithNegativeFeedback(database: Queryable, projectId: string): Promise<string[]> {
  const rows = await database.$queryRaw<{ traceId: string }[]>`
    SELECT f.trace_id AS "traceId" FROM feedback_events f
    WHERE f.project_id = ${projectId}::uuid
    GROUP BY f.trace_id HAVING ${hasNegativeFeedback}
    ORDER BY max(f.received_at) DESC LIMIT ${negativeTraceIdCap}`;
  return rows.map((row) => row.traceId);
}
