import type { Queryable } from "@/server/db/client";
import type { TraceEmbeddingSummary } from "@/contracts/traces";
import type { EmbeddingSource } from "@/generated/prisma/client";
import { decodeFloat32 } from "@/server/embeddings/float32Vector";

export interface StoredTraceVector {
  traceId: string;
  traceStartTime: Date;
  vector: Float32Array;
}

export interface TraceEmbeddingQuery {
  embedder: string;
  field: TraceEmbeddingSummary["field"];
  /** Traces starting at or after. */
  from: Date;
  /** Traces starting before. */
  to: Date;
  limit: number;
}

/**
 * The vectors of one embedder and field for traces that started in [from, to), oldest
 * first: only vectors of one embedder are ever returned together, so they can be compared.
 */
export async function traceEmbeddings(database: Queryable, projectId: string, query: TraceEmbeddingQuery): Promise<StoredTraceVector[]> {
  const rows = await database.traceEmbedding.findMany({
    where: { projectId, embedder: query.embedder, field: query.field, traceStartTime: { gte: query.from, lt: query.to } },
    orderBy: [{ traceStartTime: "asc" }, { traceId: "asc" }],
    take: query.limit,
    select: { traceId: true, traceStartTime: true, vector: true },
  });
  return rows.map(({ traceId, traceStartTime, vector }) => ({ traceId, traceStartTime, vector: decodeFloat32(vector) }));
}

export interface EmbedderInUse extends TraceEmbeddingSummary {
  source: EmbeddingSource;
  count: number;
}

/** Which embedders hold vectors in the project, per field, most used first (what a drift baseline can pick). */
export async function embeddersInUse(database: Queryable, projectId: string): Promise<EmbedderInUse[]> {
  const groups = await database.traceEmbedding.groupBy({
    by: ["embedder", "field", "dimensions", "source"],
    where: { projectId },
    _count: { _all: true },
  });
  return groups
    .map(({ embedder, field, dimensions, source, _count }) => ({ embedder, field, dimensions, source, count: _count._all }))
    .sort((a, b) => b.count - a.count || a.embedder.localeCompare(b.embedder) || a.field.localeCompare(b.field));
}

/** A trace's vectors as the API and console show them: which and how long, not the numbers. */
export function traceEmbeddingSummaries(database: Queryable, projectId: string, traceId: string): Promise<TraceEmbeddingSummary[]> {
  return database.traceEmbedding.findMany({
    where: { projectId, traceId },
    orderBy: [{ field: "asc" }, { embedder: "asc" }],
    select: { field: true, embedder: true, dimensions: true },
  });
}
