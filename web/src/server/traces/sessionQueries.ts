import type { Queryable } from "@/server/db/client";
import { NotFoundError } from "@/server/errors";
import { listTraces } from "@/server/traces/traceQueries";
import { traceListQuerySchema } from "@/contracts/traces";
import { listFeedbackOfTraces } from "@/server/feedback/feedbackQueries";

export interface SessionSummary {
  sessionId: string;
  traceCount: number;
  firstAt: string;
  lastAt: string;
  userId: string | null;
}

/** Sessions with their latest activity first. */
export async function listSessions(database: Queryable, projectId: string, limit = 100): Promise<SessionSummary[]> {
  const groups = await database.trace.groupBy({
    by: ["sessionId"],
    where: { projectId, sessionId: { not: null } },
    _count: { _all: true },
    _min: { startTime: true, userId: true },
    _max: { startTime: true },
    orderBy: { _max: { startTime: "desc" } },
    take: limit,
  });
  return groups.flatMap((group) =>
    group.sessionId && group._min.startTime && group._max.startTime
      ? [
          {
            sessionId: group.sessionId,
            traceCount: group._count._all,
            firstAt: group._min.startTime.toISOString(),
            lastAt: group._max.startTime.toISOString(),
            userId: group._min.userId,
          },
        ]
      : [],
  );
}

/** The turns of one session, oldest first, as the conversation happened, each with its feedback. */
export async function sessionConversation(database: Queryable, projectId: string, sessionId: string) {
  // The id comes from the page's URL: one that no trace could carry names no session.
  const query = traceListQuerySchema.safeParse({ sessionId, limit: 200 });
  const page = query.success ? await listTraces(database, projectId, query.data) : { data: [] };
  if (page.data.length === 0) throw new NotFoundError(`No session ${sessionId} in this project`);
  const feedback = await listFeedbackOfTraces(
    database,
    projectId,
    page.data.map((turn) => turn.id),
  );
  return [...page.data].reverse().map((turn) => ({ ...turn, feedback: feedback.get(turn.id) ?? [] }));
}
