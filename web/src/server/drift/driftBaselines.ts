import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { driftThresholdsSchema, type DriftBaselineInput, type DriftBaselineView, type DriftThresholds } from "@/contracts/drift";
import type { Database, Queryable } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/client";
import { BadRequestError, ConflictError, NotFoundError } from "@/server/errors";
import { encodeFloat32 } from "@/server/embeddings/float32Vector";
import { stableDraw } from "@/server/stats/stableDraw";
import { baselineSource } from "@/server/drift/baselinePoints";
import { builtinDriftEmbedder, embedInSlices } from "@/server/drift/driftEmbedders";
import { keptText } from "@/server/drift/driftTexts";
import { driftBaselineProblem, fitDriftBaseline } from "@/server/drift/method/fitDriftBaseline";
import { driftModelFromJson, driftModelToJson } from "@/server/drift/method/driftModel";

// Points written per statement: a 1 536-dim vector is 6 KB.
const pointsPerStatement = 500;

const baselineSelect = {
  id: true,
  name: true,
  source: true,
  datasetVersion: true,
  fromTime: true,
  toTime: true,
  field: true,
  embedder: true,
  dimensions: true,
  pointCount: true,
  model: true,
  thresholds: true,
  hourly: true,
  daily: true,
  createdAt: true,
  dataset: { select: { name: true } },
} satisfies Prisma.DriftBaselineSelect;
type BaselineRow = Prisma.DriftBaselineGetPayload<{ select: typeof baselineSelect }>;

/** Stored thresholds read with today's defaults filling what an older baseline lacks. */
export const baselineThresholds = (stored: unknown): DriftThresholds => driftThresholdsSchema.parse(stored ?? {});

function baselineView(row: BaselineRow): DriftBaselineView {
  return {
    id: row.id,
    name: row.name,
    source: row.source,
    dataset: row.dataset?.name ?? null,
    version: row.datasetVersion,
    from: row.fromTime?.toISOString() ?? null,
    to: row.toTime?.toISOString() ?? null,
    field: row.field,
    embedder: row.embedder,
    dimensions: row.dimensions,
    points: row.pointCount,
    clusters: driftModelFromJson(row.model).clusterCount,
    thresholds: baselineThresholds(row.thresholds),
    hourly: row.hourly,
    daily: row.daily,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Embeds the baseline's texts (or reads the application's vectors), fits the detector on
 * them and stores both. Refused with the reason when there are too few texts to fit.
 */
export async function createDriftBaseline(database: Database, projectId: string, input: DriftBaselineInput): Promise<DriftBaselineView> {
  const taken = await database.driftBaseline.findUnique({
    where: { projectId_name: { projectId, name: input.name } },
    select: { id: true },
  });
  if (taken) throw new ConflictError(`A baseline named ${input.name} already exists`);
  const source = await baselineSource(database, projectId, input);
  const problem = driftBaselineProblem(source.texts.length);
  if (problem) throw new BadRequestError(problem);
  const embedder = builtinDriftEmbedder(input.embedder);
  const vectors = embedder
    ? await embedInSlices(
        embedder,
        source.texts.map((entry) => entry.text),
      )
    : source.vectors;
  const dimensions = vectors[0]?.length ?? 0;

  const id = randomUUID();
  // Fixed per baseline, so refitting the same points gives the same clusters.
  const seed = Math.floor(stableDraw(id) * 2 ** 32);
  const model = fitDriftBaseline(vectors, { seed });
  try {
    await database.$transaction(
      async (tx) => {
        await tx.driftBaseline.create({
          data: {
            id,
            projectId,
            name: input.name,
            source: source.source,
            datasetId: source.datasetId,
            datasetVersion: source.datasetVersion,
            fromTime: input.from === undefined ? null : new Date(input.from),
            toTime: input.to === undefined ? null : new Date(input.to),
            field: input.field,
            embedder: input.embedder,
            dimensions,
            pointCount: vectors.length,
            model: driftModelToJson(model),
            thresholds: driftThresholdsSchema.parse(input.thresholds ?? {}),
            hourly: input.hourly,
            daily: input.daily,
          },
        });
        for (let start = 0; start < vectors.length; start += pointsPerStatement) {
          await tx.driftBaselinePoint.createMany({
            data: vectors.slice(start, start + pointsPerStatement).map((vector, offset) => {
              const entry = source.texts[start + offset];
              return {
                projectId,
                baselineId: id,
                position: start + offset,
                text: keptText(entry?.text ?? ""),
                sourceId: entry?.sourceId ?? "",
                vector: encodeFloat32(vector),
              };
            }),
          });
        }
      },
      { timeout: 120_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`A baseline named ${input.name} already exists`);
    throw error;
  }
  return getDriftBaseline(database, projectId, id);
}

/** A baseline by id or by name, or 404. */
export async function findDriftBaselineId(database: Queryable, projectId: string, idOrName: string): Promise<string> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrName);
  const found = await database.driftBaseline.findFirst({
    where: { projectId, OR: [{ name: idOrName }, ...(isUuid ? [{ id: idOrName }] : [])] },
    select: { id: true },
  });
  if (!found) throw new NotFoundError(`No drift baseline ${idOrName} in this project`);
  return found.id;
}

export async function getDriftBaseline(database: Queryable, projectId: string, id: string): Promise<DriftBaselineView> {
  const row = await database.driftBaseline.findFirst({ where: { projectId, id }, select: baselineSelect });
  if (!row) throw new NotFoundError(`No drift baseline ${id} in this project`);
  return baselineView(row);
}

export async function listDriftBaselines(database: Queryable, projectId: string): Promise<DriftBaselineView[]> {
  const rows = await database.driftBaseline.findMany({ where: { projectId }, orderBy: { createdAt: "asc" }, select: baselineSelect });
  return rows.map(baselineView);
}
