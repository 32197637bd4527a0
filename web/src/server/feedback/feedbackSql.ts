import type { SqlExecutor } from "@liveloop/prisma/connection";
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

/**
 * One INSERT for any number of rows (a statement is atomic, so what it carries is stored
 * whole) that skips ids already stored: the rows it returns are the new ones, the rest
 * were duplicates. The rows travel as one array per column, so the statement text is the
 * same for every batch size and is prepared once per connection (reasons, an array per
 * row, travel as JSON). Plain SQL on the connection pool: this is the hottest write path,
 * and Prisma's own query handling costs more than the insert itself.
 */
const insertText = `
  INSERT INTO feedback_events (project_id, id, type, trace_id, session_id, user_id, value, scale, reasons, comment, category,
    metadata, occurred_at, received_at)
  SELECT project_id, id, type::"FeedbackType", trace_id, session_id, user_id, value, scale,
    ARRAY(SELECT jsonb_array_elements_text(reasons)), comment, category, metadata, occurred_at, received_at
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::int[], $9::jsonb[],
    $10::text[], $11::text[], $12::jsonb[], $13::timestamptz[], $14::timestamptz[])
    AS batch(project_id, id, type, trace_id, session_id, user_id, value, scale, reasons, comment, category, metadata, occurred_at,
      received_at)
  ON CONFLICT (project_id, id) DO NOTHING
  RETURNING project_id AS "projectId", id`;

const rowKey = (projectId: string, id: string) => `${projectId}\u0000${id}`;

async function insertStatement(sql: SqlExecutor, rows: FeedbackRow[]): Promise<Set<string>> {
  const column = <K extends keyof FeedbackRow>(name: K) => rows.map((row) => row[name]);
  const inserted = await sql.query<{ projectId: string; id: string }>(
    insertText,
    [
      column("projectId"),
      column("id"),
      column("type"),
      column("traceId"),
      column("sessionId"),
      column("userId"),
      column("value"),
      column("scale"),
      rows.map((row) => JSON.stringify(row.reasons)),
      column("comment"),
      column("category"),
      column("metadata"),
      column("occurredAt"),
      column("receivedAt"),
    ],
    "insert_feedback_rows",
  );
  return new Set(inserted.map((row) => rowKey(row.projectId, row.id)));
}

interface PendingBatch {
  rows: FeedbackRow[];
  resolve(inserted: Set<string>): void;
  reject(error: unknown): void;
}

/**
 * Group commit for feedback batches. At most `maxStatements` inserts run at once; batches
 * that arrive meanwhile wait and then go in together, as one statement and one commit,
 * so under load a few statements carry many requests' rows (one round trip and one WAL
 * flush each) instead of one per request, and a lone request goes at once. Each batch is
 * still stored whole or not at all: if a shared statement fails, its batches are retried
 * one by one, so one batch's failure is never another's.
 */
export function createFeedbackInserter(sql: SqlExecutor, options: { maxStatements: number; maxRowsPerStatement: number }) {
  const queue: PendingBatch[] = [];
  let running = 0;

  function settle(group: PendingBatch[], inserted: Set<string>): void {
    // An id sent by two batches of one statement is new for the first of them only.
    for (const batch of group) {
      const mine = new Set<string>();
      for (const row of batch.rows) if (inserted.delete(rowKey(row.projectId, row.id))) mine.add(row.id);
      batch.resolve(mine);
    }
  }

  async function run(group: PendingBatch[]): Promise<void> {
    try {
      settle(
        group,
        await insertStatement(
          sql,
          group.flatMap((batch) => batch.rows),
        ),
      );
    } catch (error) {
      if (group.length === 1) group[0]?.reject(error);
      else for (const batch of group) await run([batch]);
    }
  }

  function pump(): void {
    while (running < options.maxStatements && queue.length > 0) {
      const group: PendingBatch[] = [];
      let rows = 0;
      while (queue.length > 0 && (group.length === 0 || rows + (queue[0]?.rows.length ?? 0) <= options.maxRowsPerStatement)) {
        const next = queue.shift();
        if (!next) break;
        group.push(next);
        rows += next.rows.length;
      }
      running += 1;
      void run(group).finally(() => {
        running -= 1;
        pump();
      });
    }
  }

  return {
    /** Stores the rows (all or none); resolves with the ids that were new. */
    insert(rows: FeedbackRow[]): Promise<Set<string>> {
      return new Promise((resolve, reject) => {
        queue.push({ rows, resolve, reject });
        pump();
      });
    },
  };
}

// A share of the pool (10 connections, also used by Prisma): enough statements in flight
// to keep the database busy, few enough that concurrent requests pile up and share them.
const inserterOptions = { maxStatements: 3, maxRowsPerStatement: 2_000 };
const inserters = new WeakMap<Queryable, ReturnType<typeof createFeedbackInserter>>();

/**
 * Stores feedback rows, skipping ids already stored; resolves with the ids that were new.
 * Concurrent calls on one client share statements (createFeedbackInserter); on an open
 * transaction they share its fate anyway.
 */
export async function insertFeedbackRows(database: Queryable, rows: FeedbackRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  let inserter = inserters.get(database);
  if (!inserter) {
    inserter = createFeedbackInserter(plainSql(database), inserterOptions);
    inserters.set(database, inserter);
  }
  return inserter.insert(rows);
}
