import type { StoredFeedbackEvent } from "@/contracts/feedback";
import type { Queryable } from "@/server/db/client";
import type { Prisma } from "@/generated/prisma/client";

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
