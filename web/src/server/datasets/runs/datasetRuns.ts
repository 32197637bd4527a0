import type { Database, Queryable } from "@/server/db/client";
import type { DatasetRunGate, DatasetRunStatus, DatasetRunSummary } from "@/contracts/datasetRuns";
import { ConflictError, NotFoundError } from "@/server/errors";

export const runSelect = {
  id: true,
  name: true,
  versionId: true,
  release: true,
  model: true,
  promptVersion: true,
  gatePassed: true,
  gateReason: true,
  gateDecidedAt: true,
  createdAt: true,
  updatedAt: true,
  version: { select: { version: true, itemCount: true } },
} as const;

export interface RunRow {
  id: string;
  name: string;
  versionId: string;
  release: string | null;
  model: string | null;
  promptVersion: string | null;
  gatePassed: boolean | null;
  gateReason: string | null;
  gateDecidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: { version: number; itemCount: number };
}

export type StatusCounts = Record<"passed" | "failed" | "error", number>;

/**
 * A run as the list and the report show it. It is complete when every item of its version
 * has an output and none is an error; only a complete run with a passed gate is "passing",
 * the kind that becomes the default baseline of later runs.
 */
export function runSummary(dataset: string, run: RunRow, counts: StatusCounts): DatasetRunSummary {
  const total = run.version.itemCount;
  const evaluated = counts.passed + counts.failed + counts.error;
  const missing = Math.max(total - evaluated, 0);
  const status: DatasetRunStatus = counts.error > 0 ? "errored" : missing > 0 ? "incomplete" : "complete";
  return {
    name: run.name,
    dataset,
    version: run.version.version,
    release: run.release,
    model: run.model,
    promptVersion: run.promptVersion,
    status,
    passRate: total === 0 ? null : counts.passed / total,
    counts: { total, evaluated, passed: counts.passed, failed: counts.failed, errors: counts.error, missing },
    gate:
      run.gatePassed === null || run.gateDecidedAt === null
        ? null
        : { passed: run.gatePassed, reason: run.gateReason ?? "", decidedAt: run.gateDecidedAt.toISOString() },
    passing: status === "complete" && run.gatePassed === true,
    createdAt: run.createdAt.toISOString(),
    updatedAt: run.updatedAt.toISOString(),
  };
}

/** Outputs per status of each run. */
export async function runStatusCounts(database: Queryable, runIds: string[]): Promise<Map<string, StatusCounts>> {
  const groups = await database.datasetRunItem.groupBy({
    by: ["runId", "status"],
    where: { runId: { in: runIds } },
    _count: { _all: true },
  });
  const counts = new Map<string, StatusCounts>(runIds.map((id) => [id, { passed: 0, failed: 0, error: 0 }]));
  for (const group of groups) {
    const entry = counts.get(group.runId);
    if (entry) entry[group.status] = group._count._all;
  }
  return counts;
}

export async function findDatasetId(database: Queryable, projectId: string, name: string): Promise<string> {
  const dataset = await database.dataset.findUnique({ where: { projectId_name: { projectId, name } }, select: { id: true } });
  if (!dataset) throw new NotFoundError(`No dataset named ${name} in this project`);
  return dataset.id;
}

export async function findRun(database: Queryable, datasetId: string, dataset: string, name: string): Promise<RunRow> {
  const run = await database.datasetRun.findUnique({ where: { datasetId_name: { datasetId, name } }, select: runSelect });
  if (!run) throw new NotFoundError(`Dataset ${dataset} has no run named ${name}`);
  return run;
}

/** The dataset's runs, newest first (at most `limit`). */
export async function listDatasetRuns(database: Database, projectId: string, name: string, limit = 200): Promise<DatasetRunSummary[]> {
  const datasetId = await findDatasetId(database, projectId, name);
  const runs = await database.datasetRun.findMany({
    where: { projectId, datasetId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: runSelect,
  });
  const counts = await runStatusCounts(
    database,
    runs.map((run) => run.id),
  );
  return runs.map((run) => runSummary(name, run, counts.get(run.id) ?? { passed: 0, failed: 0, error: 0 }));
}

/**
 * Records the gate's verdict on a run (the runner decides with its own thresholds). A pass
 * is refused for a run that is incomplete or has errors: a broken run never passes.
 */
export async function recordRunGate(
  database: Database,
  projectId: string,
  name: string,
  runName: string,
  gate: DatasetRunGate,
  now: Date,
): Promise<DatasetRunSummary> {
  const datasetId = await findDatasetId(database, projectId, name);
  const run = await findRun(database, datasetId, name, runName);
  const counts = (await runStatusCounts(database, [run.id])).get(run.id) ?? { passed: 0, failed: 0, error: 0 };
  const before = runSummary(name, run, counts);
  if (gate.passed && before.status !== "complete") {
    throw new ConflictError(
      `Run ${runName} is ${before.status} (${before.counts.missing} missing, ${before.counts.errors} errors): it cannot pass the gate`,
    );
  }
  const updated = await database.datasetRun.update({
    where: { id: run.id },
    data: { gatePassed: gate.passed, gateReason: gate.reason, gateDecidedAt: now, updatedAt: now },
    select: runSelect,
  });
  return runSummary(name, updated, counts);
}
