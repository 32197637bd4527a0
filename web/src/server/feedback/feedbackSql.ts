import { Prisma } from "@/generated/prisma/client";
import type { Queryable } from "@/server/db/client";

export interface FeedbackRow {
  projectId: string;
  id: string;
  type: string;
  traceId: string;
  sessionId: string | null;
  userId: string | null;
  value: number | null;
  scale: number | null;
  reasons: string[];
  comment: string | null;
  category: string | null;
  metadata: string | null;
  occurredAt: string;
  /** The process clock, like traces' updated_at: the rollup watermark compares the two. */
  receivedAt: string;
}

/**
 * One multi-row INSERT (a statement is atomic, so the batch is stored whole) that skips
 * ids already stored: the rows it returns are the new ones, the rest were duplicates.
 * Raw SQL because Prisma's createMany recompiles its query on every call (~0.1 of raw pg).
 */
export async function insertFeedbackRows(database: Queryable, rows: FeedbackRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await database.$queryRaw<{ id: string }[]>`
    INSERT INTO feedback_events (project_id, id, type, trace_id, session_id, user_id, value, scale, reasons, comment, category, metadata,
      occurred_at, received_at)
    VALUES ${Prisma.join(
      rows.map(
        (
          row,
        ) => Prisma.sql`(${row.projectId}::uuid, ${row.id}, ${row.type}::"FeedbackType", ${row.traceId}, ${row.sessionId}, ${row.userId},
          ${row.value}::float8, ${row.scale}::int, ${row.reasons}::text[], ${row.comment}, ${row.category}, ${row.metadata}::jsonb,
          ${row.occurredAt}::timestamptz, ${row.receivedAt}::timestamptz)`,
      ),
    )}
    ON CONFLICT (project_id, id) DO NOTHING
    RETURNING id`;
  return new Set(inserted.map((row) => row.id));
}
