import { Prisma } from "@/generated/prisma/client";
import type { BackfillView } from "@/contracts/evaluators";
import type { EvaluatorFilter } from "@/contracts/evaluators";
import type { Database, Queryable } from "@/server/db/client";
import { NotFoundError } from "@/server/errors";
import { evaluateTraceQueue, jobsFor, registerEvaluationRuns } from "@/server/evaluation/evaluationRuns";
import { traceFilterSql } from "@/server/evaluation/scanSettledTraces";
import { isTraceSampled, traceSampledSql } from "@/server/evaluation/traceSampling";
import type { JobContext } from "@/server/jobs/jobDefinition";

export const backfillQueue = "evaluation-backfill";
export interface BackfillJobData {
  projectId: string;
  backfillId: string;
}

/** Traces registered per step; the cursor is saved after each, so a restart resumes there. */
const backfillPageSize = 500;

interface BackfillRow {
  id: string;
  evaluatorId: string;
  fromTime: Date;
  toTime: Date;
  status: BackfillView["status"];
  total: number;
  queued: number;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

async function backfillProgress(database: Queryable, projectId: string, row: BackfillRow, version: number): Promise<BackfillView> {
  const counts = await database.$queryRaw<{ status: string; n: number }[]>`
    SELECT r.status::text AS status, count(*)::int AS n FROM evaluation_runs r
    JOIN traces t ON t.project_id = r.project_id AND t.id = r.trace_id
    WHERE r.project_id = ${projectId}::uuid AND r.evaluator_id = ${row.evaluatorId}::uuid AND r.evaluator_version = ${version}
      AND t.start_time >= ${row.fromTime} AND t.start_time < ${row.toTime}
    GROUP BY r.status`;
  const count = (status: string) => counts.find((entry) => entry.status === status)?.n ?? 0;
  return {
    id: row.id,
    evaluatorId: row.evaluatorId,
    from: row.fromTime.toISOString(),
    to: row.toTime.toISOString(),
    status: row.status,
    total: row.total,
    queued: row.queued,
    scored: count("scored"),
    failed: count("failed"),
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** What a backfill needs of its evaluator: which traces it takes and which score series it writes. */
function findBackfillEvaluator(database: Queryable, projectId: string, evaluatorId: string) {
  return database.evaluator.findFirst({
    where: { projectId, id: evaluatorId },
    select: { id: true, projectId: true, version: true, samplingRate: true, filter: true },
  });
}

async function evaluatorOf(database: Queryable, projectId: string, evaluatorId: string) {
  const evaluator = await findBackfillEvaluator(database, projectId, evaluatorId);
  if (!evaluator) throw new NotFoundError(`No evaluator ${evaluatorId} in this project`);
  return evaluator;
}

/**
 * Starts scoring the traces that started in [from, to) with an evaluator's current version,
 * as its filter and sampling choose them; traces it already scored are not scored again,
 * failed and skipped ones are retried. The work is a job: progress is on the backfill.
 */
export async function startBackfill(
  database: Database,
  projectId: string,
  evaluatorId: string,
  range: { from: string; to: string },
  sendOne: JobContext["sendOne"],
): Promise<BackfillView & { jobId: string }> {
  const evaluator = await evaluatorOf(database, projectId, evaluatorId);
  const from = new Date(range.from);
  const to = new Date(range.to);
  const [{ total } = { total: 0 }] = await database.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM traces t
    WHERE t.project_id = ${projectId}::uuid AND t.start_time >= ${from} AND t.start_time < ${to}
      AND ${traceFilterSql(evaluator.filter as EvaluatorFilter)}
      AND ${traceSampledSql(Prisma.sql`t.id`, evaluator.samplingRate)}`;
  const row = await database.evaluationBackfill.create({
    data: { projectId, evaluatorId, fromTime: from, toTime: to, total, status: total === 0 ? "done" : "running" },
  });
  const jobId = await sendOne(backfillQueue, { projectId, backfillId: row.id } satisfies BackfillJobData);
  return { ...(await backfillProgress(database, projectId, row, evaluator.version)), jobId };
}

export async function listBackfills(database: Queryable, projectId: string, evaluatorId: string): Promise<BackfillView[]> {
  const evaluator = await evaluatorOf(database, projectId, evaluatorId);
  const rows = await database.evaluationBackfill.findMany({ where: { projectId, evaluatorId }, orderBy: { createdAt: "desc" }, take: 20 });
  return Promise.all(rows.map((row) => backfillProgress(database, projectId, row, evaluator.version)));
}

/** The backfill job: pages through the range in (start time, id) order from the saved cursor. */
export async function runBackfill(database: Database, job: BackfillJobData, send: JobContext["send"], now: Date): Promise<void> {
  for (;;) {
    const backfill = await database.evaluationBackfill.findFirst({ where: { id: job.backfillId, projectId: job.projectId } });
    if (backfill?.status !== "running") return;
    const evaluator = await findBackfillEvaluator(database, job.projectId, backfill.evaluatorId);
    if (!evaluator) return;
    const page = await database.$queryRaw<{ id: string; start_time: Date }[]>`
      SELECT t.id, t.start_time FROM traces t
      WHERE t.project_id = ${job.projectId}::uuid AND t.start_time >= ${backfill.fromTime} AND t.start_time < ${backfill.toTime}
        AND (${backfill.cursorStart === null}::boolean OR (t.start_time, t.id) > (${backfill.cursorStart ?? backfill.fromTime}, ${backfill.cursorId ?? ""}))
        AND ${traceFilterSql(evaluator.filter as EvaluatorFilter)}
      ORDER BY t.start_time, t.id LIMIT ${backfillPageSize}`;
    const last = page.at(-1);
    if (!last) {
      await database.evaluationBackfill.update({ where: { id: backfill.id }, data: { status: "done", finishedAt: now } });
      return;
    }
    const sampled = page.filter(({ id }) => isTraceSampled(id, evaluator.samplingRate)).map(({ id }) => id);
    const registered = await database.$transaction(async (tx) => {
      const fresh = await registerEvaluationRuns(tx, evaluator, sampled, { retry: true, now });
      await tx.evaluationBackfill.update({
        where: { id: backfill.id },
        data: { cursorStart: last.start_time, cursorId: last.id, queued: { increment: sampled.length } },
      });
      return fresh;
    });
    await send(evaluateTraceQueue, jobsFor(evaluator, registered));
  }
}
