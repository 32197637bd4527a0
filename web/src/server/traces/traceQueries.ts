import { z } from "zod";
import { listTraceScores } from "@/server/scores/scoreQueries";
import type { Queryable } from "@/server/db/client";
import { exactText, identifierSchema, timestampSchema } from "@/contracts/common";
import type { Prisma } from "@/generated/prisma/client";
import type { ScoreFilter, TraceListQuery, TraceView } from "@/contracts/traces";
import { BadRequestError, NotFoundError } from "@/server/errors";
import { escapeLikePattern } from "@/server/db/likePattern";
import { serializeTrace, type TraceRow } from "@/server/traces/traceSerializer";
import { listTraceFeedback, tracesWithNegativeFeedback } from "@/server/feedback/feedbackQueries";
import { traceEmbeddingSummaries } from "@/server/embeddings/traceEmbeddings";

const traceFields = {
  id: true,
  name: true,
  sessionId: true,
  userId: true,
  input: true,
  output: true,
  model: true,
  servedModel: true,
  release: true,
  promptTemplate: true,
  promptVersion: true,
  config: true,
  startTime: true,
  endTime: true,
  firstTokenTime: true,
  latencyMs: true,
  ttftMs: true,
  inputTokens: true,
  outputTokens: true,
  costUsd: true,
  costSource: true,
  status: true,
  error: true,
  metadata: true,
} satisfies Prisma.TraceSelect;

export async function getTrace(database: Queryable, projectId: string, traceId: string): Promise<TraceView> {
  // Console pages pass ids from the URL unchecked: one no trace could have names nothing.
  if (!identifierSchema.safeParse(traceId).success) throw new NotFoundError("No such trace in this project");
  const row: TraceRow | null = await database.trace.findUnique({
    where: { projectId_id: { projectId, id: traceId } },
    select: traceFields,
  });
  if (!row) throw new NotFoundError(`No trace ${traceId} in this project`);
  const [spans, feedback, scores, embeddings] = await Promise.all([
    database.span.findMany({
      where: { projectId, traceId },
      orderBy: [{ startTime: "asc" }, { id: "asc" }],
      omit: { projectId: true, traceId: true },
    }),
    listTraceFeedback(database, projectId, traceId),
    listTraceScores(database, projectId, traceId),
    traceEmbeddingSummaries(database, projectId, traceId),
  ]);
  return { ...serializeTrace(row, spans), feedback, scores, embeddings };
}

interface Cursor {
  startTime: string;
  id: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

// A cursor is client input too: it must hold what a stored trace could (an id and a time
// the database can compare against), or the query itself would fail.
const cursorSchema = z.object({ startTime: timestampSchema, id: exactText(z.string().max(200)) });

function decodeCursor(value: string): Cursor {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    decoded = null;
  }
  const parsed = cursorSchema.safeParse(decoded);
  if (!parsed.success) throw new BadRequestError("cursor is not one this API returned");
  return parsed.data;
}

const numberComparison = {
  "<": (value: number) => ({ lt: value }),
  "<=": (value: number) => ({ lte: value }),
  ">": (value: number) => ({ gt: value }),
  ">=": (value: number) => ({ gte: value }),
  "=": (value: number) => ({ equals: value }),
  "!=": (value: number) => ({ not: value }),
} as const;

/**
 * The scores a score filter matches. A trace matches when any of its scores of the name
 * does (a judge's 0.3 still shows under "relevance < 0.5" after an annotator corrected it
 * to 0.9): the filter finds what was said about traces. Booleans are stored as 0 or 1.
 */
function scoreFilterWhere({ name, operator, value }: ScoreFilter): Prisma.ScoreWhereInput {
  if (typeof value === "string") return { name, category: operator === "=" ? value : { not: value } };
  return { name, value: numberComparison[operator](typeof value === "boolean" ? Number(value) : value) };
}

/** Traces newest first, filtered, a page at a time (keyset pagination on start time and id). */
export async function listTraces(database: Queryable, projectId: string, query: TraceListQuery) {
  const where: Prisma.TraceWhereInput = {
    projectId,
    ...(query.from || query.to
      ? { startTime: { ...(query.from ? { gte: new Date(query.from) } : {}), ...(query.to ? { lt: new Date(query.to) } : {}) } }
      : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.model ? { model: query.model } : {}),
    ...(query.release ? { release: query.release } : {}),
    ...(query.promptVersion ? { promptVersion: query.promptVersion } : {}),
    ...(query.userId ? { userId: query.userId } : {}),
    ...(query.sessionId ? { sessionId: query.sessionId } : {}),
    ...(query.q ? { searchText: { contains: escapeLikePattern(query.q.toLowerCase()) } } : {}),
    ...(query.feedback === "negative" ? { id: { in: await tracesWithNegativeFeedback(database, projectId) } } : {}),
    ...(query.score ? { scores: { some: scoreFilterWhere(query.score) } } : {}),
  };
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const page = await database.trace.findMany({
    where: cursor
      ? {
          AND: [
            where,
            { OR: [{ startTime: { lt: new Date(cursor.startTime) } }, { startTime: new Date(cursor.startTime), id: { lt: cursor.id } }] },
          ],
        }
      : where,
    orderBy: [{ startTime: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: traceFields,
  });
  const rows = page.slice(0, query.limit);
  const last = rows.at(-1);
  return {
    data: rows.map((row) => {
      const {
        spans: _spans,
        feedback: _feedback,
        scores: _scores,
        embeddings: _embeddings,
        promptTemplate: _template,
        config: _config,
        metadata: _metadata,
        ...summary
      } = serializeTrace(row, []);
      return summary;
    }),
    nextCursor: page.length > query.limit && last ? encodeCursor({ startTime: last.startTime.toISOString(), id: last.id }) : null,
  };
}

/** The id itself when the project has a trace with exactly that id (for "paste an id" search). */
export async function findTraceId(database: Queryable, projectId: string, candidate: string): Promise<string | null> {
  if (!identifierSchema.safeParse(candidate).success) return null;
  const row = await database.trace.findUnique({ where: { projectId_id: { projectId, id: candidate } }, select: { id: true } });
  return row?.id ?? null;
}
