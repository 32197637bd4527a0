import { Prisma } from "@/generated/prisma/client";
import type { EmbeddingField } from "@/generated/prisma/client";
import { driftLimits } from "@/contracts/drift";
import type { Queryable } from "@/server/db/client";
import { decodeFloat32 } from "@/server/embeddings/float32Vector";
import { builtinDriftEmbedder, embedInSlices } from "@/server/drift/driftEmbedders";
import { traceDriftText, type DriftText } from "@/server/drift/driftTexts";

// A chatty session (a load test, a loop, one user pasting a hundred variants) would otherwise
// fill a window and look like drift: each session counts at most this many traces per window.
export const perSessionCap = 20;

export interface LivePoints {
  texts: DriftText[];
  vectors: Float32Array[];
  skipped: { withoutText: number; withoutVector: number; sampledOut: number };
  /** Application embedders that do have vectors in the window when the baseline's has none. */
  otherEmbedders: string[];
}

interface LiveRow {
  id: string;
  input: unknown;
  output: unknown;
  vector: Uint8Array | null;
}

/**
 * The live points of a window: traces that started in [from, to), each session capped, sampled
 * by a hash of the id down to what a run judges, with their text and a vector of the
 * baseline's embedder (made now by a built-in one, or stored by the application).
 */
export async function liveDriftPoints(
  database: Queryable,
  projectId: string,
  baseline: { field: EmbeddingField; embedder: string },
  window: { from: Date; to: Date },
  onEmbedded?: (share: number) => void,
): Promise<LivePoints> {
  const { field, embedder } = baseline;
  const stored = embedder.startsWith("app:");
  // Ids are ranked and sampled first; only the kept traces' input or output is read.
  const rows = await database.$queryRaw<LiveRow[]>`
    WITH ranked AS (
      SELECT t.id, row_number() OVER (PARTITION BY coalesce(t.session_id, t.id) ORDER BY md5(t.id)) AS in_session
      FROM traces t
      WHERE t.project_id = ${projectId}::uuid AND t.start_time >= ${window.from} AND t.start_time < ${window.to}
    ), kept AS (
      SELECT id FROM ranked WHERE in_session <= ${perSessionCap} ORDER BY md5(id) LIMIT ${driftLimits.maxLivePoints}
    )
    SELECT k.id, ${field === "input" ? Prisma.sql`t.input` : Prisma.sql`NULL::jsonb`} AS input,
      ${field === "output" ? Prisma.sql`t.output` : Prisma.sql`NULL::jsonb`} AS output,
      ${stored ? Prisma.sql`e.vector` : Prisma.sql`NULL::bytea`} AS vector
    FROM kept k
    JOIN traces t ON t.project_id = ${projectId}::uuid AND t.id = k.id
    ${stored ? Prisma.sql`LEFT JOIN trace_embeddings e ON e.project_id = ${projectId}::uuid AND e.trace_id = k.id AND e.field = ${field}::"EmbeddingField" AND e.embedder = ${embedder}` : Prisma.empty}
    ORDER BY md5(k.id)`;
  const total = await database.trace.count({ where: { projectId, startTime: { gte: window.from, lt: window.to } } });

  const texts: DriftText[] = [];
  const vectors: Float32Array[] = [];
  let withoutText = 0;
  let withoutVector = 0;
  for (const row of rows) {
    const text = traceDriftText(field, row);
    if (stored) {
      if (!row.vector) withoutVector++;
      else {
        texts.push({ sourceId: row.id, text });
        vectors.push(decodeFloat32(row.vector));
      }
    } else if (text === "") withoutText++;
    else texts.push({ sourceId: row.id, text });
  }
  const sampledOut = total - rows.length;

  const builtin = builtinDriftEmbedder(embedder);
  if (builtin) {
    const made = await embedInSlices(
      builtin,
      texts.map((entry) => entry.text),
      (done) => onEmbedded?.(done / Math.max(1, texts.length)),
    );
    vectors.push(...made);
  }
  const otherEmbedders =
    stored && vectors.length === 0 && withoutVector > 0 ? await embeddersInWindow(database, projectId, field, window) : [];
  return { texts, vectors, skipped: { withoutText, withoutVector, sampledOut }, otherEmbedders };
}

async function embeddersInWindow(database: Queryable, projectId: string, field: EmbeddingField, window: { from: Date; to: Date }) {
  const groups = await database.traceEmbedding.groupBy({
    by: ["embedder"],
    where: { projectId, field, traceStartTime: { gte: window.from, lt: window.to } },
  });
  return groups.map((group) => group.embedder).sort();
}
