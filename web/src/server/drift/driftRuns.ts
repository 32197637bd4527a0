import type { Prisma } from "@/generated/prisma/client";
import { driftMapSchema, driftRunResultSchema, type DriftMap, type DriftRunRequest, type DriftRunView } from "@/contracts/drift";
import type { Queryable } from "@/server/db/client";
import { NotFoundError } from "@/server/errors";
import type { JobContext } from "@/server/jobs/jobDefinition";
import { findDriftBaselineId } from "@/server/drift/driftBaselines";

export const driftRunQueue = "drift-run";
export interface DriftRunJobData {
  projectId: string;
  runId: string;
}

const runSelect = {
  id: true,
  baselineId: true,
  window: true,
  fromTime: true,
  toTime: true,
  status: true,
  progress: true,
  verdict: true,
  liveCount: true,
  error: true,
  createdAt: true,
  finishedAt: true,
  result: true,
} satisfies Prisma.DriftRunSelect;
type RunRow = Prisma.DriftRunGetPayload<{ select: typeof runSelect }>;

function runView(row: RunRow): DriftRunView {
  const result = row.result === null ? undefined : driftRunResultSchema.safeParse(row.result);
  return {
    id: row.id,
    baselineId: row.baselineId,
    window: row.window,
    from: row.fromTime.toISOString(),
    to: row.toTime.toISOString(),
    status: row.status,
    progress: row.progress,
    verdict: row.verdict,
    liveCount: row.liveCount,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    // A result stored by an older shape is left out rather than shown half-read.
    ...(result?.success ? { result: result.data } : {}),
  };
}

export type DriftWindowKind = RunRow["window"];

/**
 * The run of a baseline over [from, to), made and queued the first time it is asked for; the
 * same window again is the same run (queued again only when it failed).
 */
export async function ensureDriftRun(
  database: Queryable,
  projectId: string,
  baselineId: string,
  window: { kind: DriftWindowKind; from: Date; to: Date },
  send: JobContext["send"],
): Promise<string> {
  const existing = await database.driftRun.findUnique({
    where: { baselineId_fromTime_toTime: { baselineId, fromTime: window.from, toTime: window.to } },
    select: { id: true, status: true, window: true },
  });
  // A run asked for over exactly a scheduled hour or day is that window's run: the schedule
  // claims it, so the chart, the status and alerts count it.
  if (existing && existing.window === "custom" && window.kind !== "custom")
    await database.driftRun.update({ where: { id: existing.id }, data: { window: window.kind }, select: { id: true } });
  if (existing && existing.status !== "failed") return existing.id;
  const run = existing
    ? await database.driftRun.update({
        where: { id: existing.id },
        data: { status: "queued", progress: 0, error: null, finishedAt: null },
        select: { id: true },
      })
    : await database.driftRun.upsert({
        where: { baselineId_fromTime_toTime: { baselineId, fromTime: window.from, toTime: window.to } },
        create: { projectId, baselineId, window: window.kind, fromTime: window.from, toTime: window.to },
        update: {},
        select: { id: true },
      });
  await send(driftRunQueue, [{ projectId, runId: run.id } satisfies DriftRunJobData]);
  return run.id;
}

/** POST /drift/runs: judge any window against a baseline, on demand. */
export async function requestDriftRun(
  database: Queryable,
  projectId: string,
  request: DriftRunRequest,
  send: JobContext["send"],
): Promise<{ id: string }> {
  const baselineId = await findDriftBaselineId(database, projectId, request.baseline);
  const id = await ensureDriftRun(
    database,
    projectId,
    baselineId,
    { kind: "custom", from: new Date(request.from), to: new Date(request.to) },
    send,
  );
  return { id };
}

export async function getDriftRun(database: Queryable, projectId: string, runId: string): Promise<DriftRunView> {
  const row = await database.driftRun.findFirst({ where: { projectId, id: runId }, select: runSelect });
  if (!row) throw new NotFoundError(`No drift run ${runId} in this project`);
  return runView(row);
}

export interface DriftRunListQuery {
  baseline: string;
  from: Date;
  to: Date;
  window?: DriftWindowKind | undefined;
}

/** A baseline's runs whose window starts in [from, to), oldest first. */
export async function listDriftRuns(database: Queryable, projectId: string, query: DriftRunListQuery): Promise<DriftRunView[]> {
  const baselineId = await findDriftBaselineId(database, projectId, query.baseline);
  const rows = await database.driftRun.findMany({
    where: { projectId, baselineId, fromTime: { gte: query.from, lt: query.to }, ...(query.window ? { window: query.window } : {}) },
    orderBy: [{ fromTime: "asc" }, { toTime: "asc" }],
    select: runSelect,
  });
  return rows.map(runView);
}

/** The run's 2-D map of baseline and live points (empty until the run is done). */
export async function driftRunMap(database: Queryable, projectId: string, runId: string): Promise<DriftMap> {
  const row = await database.driftRun.findFirst({ where: { projectId, id: runId }, select: { map: true } });
  if (!row) throw new NotFoundError(`No drift run ${runId} in this project`);
  const map = driftMapSchema.safeParse(row.map);
  return map.success ? map.data : { points: [] };
}
