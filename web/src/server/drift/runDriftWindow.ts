import type { Prisma } from "@/generated/prisma/client";
import type { DriftMap, DriftRunResult } from "@/contracts/drift";
import type { Database } from "@/server/db/client";
import { decodeFloat32 } from "@/server/embeddings/float32Vector";
import { excerpt } from "@/server/review/conversation";
import { baselineThresholds } from "@/server/drift/driftBaselines";
import type { DriftRunJobData } from "@/server/drift/driftRuns";
import { liveDriftPoints } from "@/server/drift/liveDriftPoints";
import { driftModelFromJson } from "@/server/drift/method/driftModel";
import { scoreDriftWindow } from "@/server/drift/method/scoreDriftWindow";
import { windowVerdict } from "@/server/drift/method/driftVerdict";
import { explainDriftWindow } from "@/server/drift/explainDriftWindow";
import { projectForMap } from "@/server/drift/explain/projectForMap";

const json = (value: unknown) => value as Prisma.InputJsonValue;

/**
 * The drift-run job: judges one live window against its baseline and stores the figures,
 * the explanations and the map. Idempotent: a finished run is left as it is; a run cut short
 * by a crash starts again from the traces (nothing partial is kept).
 */
export async function runDriftWindow(database: Database, data: DriftRunJobData, now: Date): Promise<void> {
  const run = await database.driftRun.findFirst({
    where: { projectId: data.projectId, id: data.runId },
    select: { id: true, status: true, fromTime: true, toTime: true, baselineId: true },
  });
  if (!run || run.status === "done") return;
  const baseline = await database.driftBaseline.findUniqueOrThrow({
    where: { id: run.baselineId },
    select: { field: true, embedder: true, model: true, thresholds: true },
  });
  const progress = (share: number) =>
    database.driftRun.update({ where: { id: run.id }, data: { progress: Math.min(0.99, share) }, select: { id: true } });
  await database.driftRun.update({ where: { id: run.id }, data: { status: "running", startedAt: now, progress: 0.02, error: null } });

  try {
    const model = driftModelFromJson(baseline.model);
    const points = await database.driftBaselinePoint.findMany({
      where: { baselineId: run.baselineId },
      orderBy: { position: "asc" },
      select: { text: true, vector: true },
    });
    const baselineVectors = points.map((point) => decodeFloat32(point.vector));
    const baselineTexts = points.map((point) => point.text);
    let lastShown = 0;
    const live = await liveDriftPoints(database, data.projectId, baseline, { from: run.fromTime, to: run.toTime }, (share) => {
      // A few progress writes, not one per slice.
      if (share - lastShown >= 0.2) {
        lastShown = share;
        // Progress is a courtesy: a failed write of it must not fail the run.
        progress(0.1 + 0.5 * share).catch(() => undefined);
      }
    });
    if (live.vectors.length === 0 && live.otherEmbedders.length > 0) {
      throw new DriftRunRefusedError(
        `The traces of this window carry vectors of ${live.otherEmbedders.join(", ")}, not of the baseline's ${baseline.embedder}: vectors of different embedders are never compared`,
      );
    }
    await progress(0.65);

    const thresholds = baselineThresholds(baseline.thresholds);
    const seed = run.fromTime.getTime() % 2 ** 31;
    const heldOutVectors = model.heldOut.map((point) => baselineVectors[point.index] ?? new Float32Array(model.dimensions));
    // Below the minimum nothing is computed: a figure from a handful of points looks meaningful and is not.
    const enough = live.vectors.length >= thresholds.minLiveCount;
    const score = enough ? scoreDriftWindow(model, heldOutVectors, live.vectors, { seed }) : null;
    const verdict = score ? windowVerdict(score, thresholds) : "not_enough_data";
    await progress(0.8);

    const result: DriftRunResult | null = score
      ? {
          ...(await explainDriftWindow({ model, score, thresholds, baselineTexts, heldOutVectors, live })),
          verdict,
          skipped: live.skipped,
        }
      : null;
    const mapPoints = score ? projectForMap(baselineVectors, live.vectors, { seed }).points : [];
    const map: DriftMap = {
      points: mapPoints.map(({ x, y, side, index }) => {
        const liveText = side === "live" ? live.texts[index] : undefined;
        return { x, y, side, text: excerpt(liveText?.text ?? baselineTexts[index] ?? "", 160), traceId: liveText?.sourceId ?? null };
      }),
    };
    await database.driftRun.update({
      where: { id: run.id },
      data: {
        status: "done",
        progress: 1,
        verdict,
        liveCount: live.vectors.length,
        jsDistance: result?.jsDistance ?? null,
        jsDistanceCorrected: result?.jsDistanceCorrected ?? null,
        klDivergence: result?.klDivergence ?? null,
        novelShare: result?.novelShare ?? null,
        pValue: result?.pValue ?? null,
        centroidPValue: result?.centroidPValue ?? null,
        result: result ? json(result) : undefined,
        map: json(map),
        finishedAt: new Date(),
      },
    });
  } catch (error) {
    // The reason is shown on the run at once; anything but a refusal is retried by the job
    // (a retry that succeeds makes the run done).
    await database.driftRun.update({
      where: { id: run.id },
      data: { status: "failed", error: error instanceof Error ? error.message : String(error), finishedAt: new Date() },
    });
    if (!(error instanceof DriftRunRefusedError)) throw error;
  }
}

/** A window that cannot be judged against its baseline however often it is tried. */
class DriftRunRefusedError extends Error {}
