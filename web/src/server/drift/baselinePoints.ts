import { Prisma } from "@/generated/prisma/client";
import type { EmbeddingField } from "@/generated/prisma/client";
import type { DriftBaselineInput } from "@/contracts/drift";
import { driftLimits } from "@/contracts/drift";
import type { Queryable } from "@/server/db/client";
import { NotFoundError } from "@/server/errors";
import { stableDraw } from "@/server/stats/stableDraw";
import { decodeFloat32 } from "@/server/embeddings/float32Vector";
import { datasetItemDriftText, traceDriftText, type DriftText } from "@/server/drift/driftTexts";

export interface BaselineSource {
  source: "dataset" | "traffic";
  datasetId: string | null;
  datasetVersion: number | null;
  texts: DriftText[];
  /** Stored with the traces (application vectors); empty when a built-in embedder will make them. */
  vectors: Float32Array[];
}

/** The published version a dataset baseline is made of ("latest" or a number), or 404. */
async function datasetVersionItems(
  database: Queryable,
  projectId: string,
  name: string,
  version: number | "latest",
  field: EmbeddingField,
) {
  const dataset = await database.dataset.findUnique({ where: { projectId_name: { projectId, name } }, select: { id: true } });
  if (!dataset) throw new NotFoundError(`No dataset named ${name} in this project`);
  const published = await database.datasetVersion.findFirst({
    where: { datasetId: dataset.id, ...(version === "latest" ? {} : { version }) },
    orderBy: { version: "desc" },
    select: { id: true, version: true },
  });
  if (!published)
    throw new NotFoundError(
      version === "latest" ? `Dataset ${name} has no published version yet` : `Dataset ${name} has no version ${version}`,
    );
  const items = await database.datasetVersionItem.findMany({
    where: { versionId: published.id },
    orderBy: { position: "asc" },
    select: { itemId: true, input: true, expectedOutput: true, expectedToolCalls: true },
  });
  const texts = items
    .map((item) => ({ sourceId: item.itemId, text: datasetItemDriftText(field, item) }))
    .filter((entry) => entry.text !== "");
  return { datasetId: dataset.id, datasetVersion: published.version, texts: sampleTexts(texts) };
}

/** A larger set is sampled down by a draw fixed per item, so the same input gives the same baseline. */
function sampleTexts(texts: DriftText[]): DriftText[] {
  if (texts.length <= driftLimits.maxBaselinePoints) return texts;
  return texts
    .map((entry) => ({ entry, draw: stableDraw(entry.sourceId) }))
    .sort((a, b) => a.draw - b.draw)
    .slice(0, driftLimits.maxBaselinePoints)
    .map(({ entry }) => entry);
}

interface TrafficRow {
  id: string;
  input: unknown;
  output: unknown;
  vector: Uint8Array | null;
}

/**
 * A traffic baseline's texts: traces that started in [from, to), sampled by a hash of their
 * id when there are more than a baseline keeps; with application vectors, only traces that
 * carry one of the embedder.
 */
async function trafficTexts(
  database: Queryable,
  projectId: string,
  range: { from: Date; to: Date },
  field: EmbeddingField,
  embedder: string,
) {
  const stored = embedder.startsWith("app:");
  const rows = await database.$queryRaw<TrafficRow[]>`
    SELECT t.id, ${field === "input" ? Prisma.sql`t.input` : Prisma.sql`NULL::jsonb`} AS input,
      ${field === "output" ? Prisma.sql`t.output` : Prisma.sql`NULL::jsonb`} AS output,
      ${stored ? Prisma.sql`e.vector` : Prisma.sql`NULL::bytea`} AS vector
    FROM traces t
    ${stored ? Prisma.sql`JOIN trace_embeddings e ON e.project_id = t.project_id AND e.trace_id = t.id AND e.field = ${field}::"EmbeddingField" AND e.embedder = ${embedder}` : Prisma.empty}
    WHERE t.project_id = ${projectId}::uuid AND t.start_time >= ${range.from} AND t.start_time < ${range.to}
    ORDER BY md5(t.id)
    LIMIT ${driftLimits.maxBaselinePoints}`;
  const texts: DriftText[] = [];
  const vectors: Float32Array[] = [];
  for (const row of rows) {
    const text = traceDriftText(field, row);
    // Application vectors stand for the trace whatever its text; a built-in one needs text.
    if (!stored && text === "") continue;
    texts.push({ sourceId: row.id, text });
    if (row.vector) vectors.push(decodeFloat32(row.vector));
  }
  return { texts, vectors };
}

/** The texts (and stored vectors) a baseline is made of, as the request names them. */
export async function baselineSource(database: Queryable, projectId: string, input: DriftBaselineInput): Promise<BaselineSource> {
  if (input.dataset !== undefined) {
    const found = await datasetVersionItems(database, projectId, input.dataset, input.version ?? "latest", input.field);
    return { source: "dataset", ...found, vectors: [] };
  }
  const range = { from: new Date(input.from ?? 0), to: new Date(input.to ?? 0) };
  const found = await trafficTexts(database, projectId, range, input.field, input.embedder);
  return { source: "traffic", datasetId: null, datasetVersion: null, ...found };
}
