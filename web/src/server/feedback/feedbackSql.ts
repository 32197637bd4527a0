import { plainSql, type Queryable } from "@/server/db/client";

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

const columns = [
  ["project_id", "::uuid"],
  ["id", ""],
  ["type", '::"FeedbackType"'],
  ["trace_id", ""],
  ["session_id", ""],
  ["user_id", ""],
  ["value", "::float8"],
  ["scale", "::int"],
  ["reasons", "::text[]"],
  ["comment", ""],
  ["category", ""],
  ["metadata", "::jsonb"],
  ["occurred_at", "::timestamptz"],
  ["received_at", "::timestamptz"],
] as const;

/**
 * One multi-row INSERT (a statement is atomic, so the batch is stored whole) that skips
 * ids already stored: the rows it returns are the new ones, the rest were duplicates.
 * Plain SQL on the connection pool: this is the hottest write path, and Prisma's own
 * query handling costs more than the insert itself (see the feedback ingest benchmark).
 */
export async function insertFeedbackRows(database: Queryable, rows: FeedbackRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const first = values.length;
    // In the order of `columns`.
    values.push(row.projectId, row.id, row.type, row.traceId, row.sessionId, row.userId, row.value, row.scale, row.reasons);
    values.push(row.comment, row.category, row.metadata, row.occurredAt, row.receivedAt);
    return `(${columns.map(([, cast], i) => `$${first + i + 1}${cast}`).join(",")})`;
  });
  const inserted = await plainSql(database).query<{ id: string }>(
    `INSERT INTO feedback_events (${columns.map(([name]) => name).join(", ")}) VALUES ${tuples.join(",")}
     ON CONFLICT (project_id, id) DO NOTHING RETURNING id`,
    values,
    // Batches come in a few sizes (the widget sends 20): one prepared statement per size.
    `insert_feedback_${rows.length}`,
  );
  return new Set(inserted.map((row) => row.id));
}
