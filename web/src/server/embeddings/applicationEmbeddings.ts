import { Prisma } from "@/generated/prisma/client";
import type { Queryable } from "@/server/db/client";
import type { TraceEmbeddingInput, TraceInput } from "@/contracts/traces";
import type { Rejection } from "@/server/api/batchValidation";
import { encodeFloat32 } from "@/server/embeddings/float32Vector";
import { lockKeysInOrder } from "@/server/db/transactionLocks";

/** Vectors the application sent are namespaced, so a model name can never pose as a built-in embedder. */
export const applicationEmbedderId = (model: string): string => `app:${model}`;

/**
 * Keeps the traces whose vectors have the length their embedder already has in the project
 * (fixed by its first vector, stored or earlier in this batch); refuses the others whole, so
 * vectors of one embedder stay comparable. Runs inside the ingest transaction: per-embedder
 * advisory locks stop two batches from fixing one new embedder at two lengths. Without
 * vectors in the batch it asks the database nothing.
 */
export async function checkEmbeddingDimensions<T extends { index: number; trace: TraceInput }>(
  tx: Queryable,
  projectId: string,
  items: T[],
): Promise<{ fitting: T[]; refused: Rejection[] }> {
  const embedders = [...new Set(items.flatMap(({ trace }) => (trace.embeddings ?? []).map(({ model }) => applicationEmbedderId(model))))];
  if (embedders.length === 0) return { fitting: items, refused: [] };
  await lockKeysInOrder(
    tx,
    embedders.map((embedder) => `${projectId}:embedder:${embedder}`),
  );
  // One stored vector tells an embedder's length; the index on (project, embedder, ...) finds it.
  const stored = await tx.$queryRaw<{ embedder: string; dimensions: number | null }[]>`
    SELECT m.embedder, (SELECT e.dimensions FROM trace_embeddings e WHERE e.project_id = ${projectId}::uuid AND e.embedder = m.embedder LIMIT 1) AS dimensions
    FROM unnest(${embedders}::text[]) AS m(embedder)`;
  const lengths = new Map(stored.flatMap(({ embedder, dimensions }) => (dimensions === null ? [] : [[embedder, dimensions] as const])));
  const fitting: T[] = [];
  const refused: Rejection[] = [];
  for (const item of items) {
    const misfit = (item.trace.embeddings ?? []).findIndex(({ model, vector }) => {
      const length = lengths.get(applicationEmbedderId(model));
      return length !== undefined && length !== vector.length;
    });
    const embedding = item.trace.embeddings?.[misfit];
    if (embedding) {
      const embedder = applicationEmbedderId(embedding.model);
      refused.push({
        id: item.trace.id,
        index: item.index,
        status: 409,
        message: `embeddings.${misfit}.vector: ${embedder} vectors have ${lengths.get(embedder)} dimensions; this one has ${embedding.vector.length}`,
      });
      continue;
    }
    for (const { model, vector } of item.trace.embeddings ?? []) lengths.set(applicationEmbedderId(model), vector.length);
    fitting.push(item);
  }
  return { fitting, refused };
}

export interface TraceEmbeddingRow {
  projectId: string;
  traceId: string;
  field: TraceEmbeddingInput["field"];
  embedder: string;
  vector: Uint8Array<ArrayBuffer>;
  dimensions: number;
  traceStartTime: Date;
}

export function applicationEmbeddingRows(projectId: string, trace: TraceInput): TraceEmbeddingRow[] {
  return (trace.embeddings ?? []).map(({ field, model, vector }) => ({
    projectId,
    traceId: trace.id,
    field,
    embedder: applicationEmbedderId(model),
    vector: encodeFloat32(vector),
    dimensions: vector.length,
    traceStartTime: new Date(trace.startTime),
  }));
}

// A 4 096-dim vector is 16 KB: a few hundred rows keep one statement's parameters small.
const rowsPerStatement = 200;

/**
 * Stores application vectors; a re-sent trace replaces its vector of the same field and
 * embedder (as its spans are replaced by id) and keeps the ones it did not send again.
 */
export async function upsertApplicationEmbeddings(tx: Queryable, rows: TraceEmbeddingRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += rowsPerStatement) {
    const chunk = rows.slice(i, i + rowsPerStatement);
    await tx.$executeRaw`
      INSERT INTO trace_embeddings (project_id, trace_id, field, embedder, dimensions, vector, source, trace_start_time)
      VALUES ${Prisma.join(
        chunk.map(
          (
            row,
          ) => Prisma.sql`(${row.projectId}::uuid, ${row.traceId}, ${row.field}::"EmbeddingField", ${row.embedder}, ${row.dimensions}::int,
            ${row.vector}, 'application'::"EmbeddingSource", ${row.traceStartTime.toISOString()}::timestamptz)`,
        ),
      )}
      ON CONFLICT (project_id, trace_id, field, embedder) DO UPDATE
        SET dimensions = EXCLUDED.dimensions, vector = EXCLUDED.vector, trace_start_time = EXCLUDED.trace_start_time`;
  }
}

/** A re-sent trace that moved in time carries its stored vectors along, so drift's time ranges still find them. */
export async function moveEmbeddingsWithTraces(tx: Queryable, projectId: string, traceIds: string[]): Promise<void> {
  if (traceIds.length === 0) return;
  await tx.$executeRaw`
    UPDATE trace_embeddings e SET trace_start_time = t.start_time FROM traces t
    WHERE e.project_id = ${projectId}::uuid AND e.trace_id = ANY(${traceIds}) AND t.project_id = e.project_id AND t.id = e.trace_id
      AND e.trace_start_time <> t.start_time`;
}
