import { Prisma } from "@/generated/prisma/client";
import type { EvaluatorFilter } from "@/contracts/evaluators";
import type { Database } from "@/server/db/client";
import { isTraceSampled } from "@/server/evaluation/traceSampling";
import { evaluateTraceQueue, jobsFor, registerEvaluationRuns, type EvaluationJobData } from "@/server/evaluation/evaluationRuns";
import { startOfUtcDay } from "@/server/evaluation/judgeSpending";
import type { JobContext } from "@/server/jobs/jobDefinition";

/** Traces looked at per evaluator and pass; a backlog is worked through over several passes. */
const scanPageSize = 5_000;
/** A run still pending this long after it was registered lost its job (a crash between commit and queueing): queue it again. */
const lostRunMinutes = 10;

export const budgetPauseReason = (budget: number) => `Daily budget of $${budget} spent; resumes at midnight UTC`;

/** SQL conditions of an evaluator's filter on the traces table (alias t). */
export function traceFilterSql(filter: EvaluatorFilter): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filter.model !== undefined) conditions.push(Prisma.sql`t.model = ${filter.model}`);
  if (filter.release !== undefined) conditions.push(Prisma.sql`t.release = ${filter.release}`);
  if (filter.promptVersion !== undefined) conditions.push(Prisma.sql`t.prompt_version = ${filter.promptVersion}`);
  if (filter.hasRetrieval !== undefined) {
    const exists = Prisma.sql`EXISTS (SELECT 1 FROM spans s WHERE s.project_id = t.project_id AND s.trace_id = t.id AND s.type = 'retrieval')`;
    conditions.push(filter.hasRetrieval ? exists : Prisma.sql`NOT ${exists}`);
  }
  return conditions.length === 0 ? Prisma.sql`TRUE` : Prisma.join(conditions, " AND ");
}

/**
 * One pass of the evaluation scan: for every running evaluator, the traces that settled
 * (no new span for its settle delay) since its last pass, filtered and sampled, are
 * registered and queued for scoring. Budget pauses from an earlier UTC day end here.
 * Returns how many evaluations it queued.
 */
export async function scanSettledTraces(database: Database, now: Date, send: JobContext["send"]): Promise<number> {
  await database.evaluator.updateMany({
    where: { pausedReason: { not: null }, enabled: true, updatedAt: { lt: startOfUtcDay(now) } },
    data: { pausedReason: null },
  });
  const evaluators = await database.evaluator.findMany({
    where: { enabled: true, pausedReason: null },
    select: { id: true, projectId: true, version: true, samplingRate: true, settleSeconds: true, filter: true, scannedUntil: true },
  });
  let queued = 0;
  for (const evaluator of evaluators) {
    const settledBefore = new Date(now.getTime() - evaluator.settleSeconds * 1000);
    const since = evaluator.scannedUntil ?? new Date(0);
    if (settledBefore <= since) continue;
    const rows = await database.$queryRaw<{ id: string; updated_at: Date }[]>`
      SELECT t.id, t.updated_at FROM traces t
      WHERE t.project_id = ${evaluator.projectId}::uuid AND t.updated_at > ${since} AND t.updated_at <= ${settledBefore}
        AND ${traceFilterSql(evaluator.filter as EvaluatorFilter)}
      ORDER BY t.updated_at LIMIT ${scanPageSize}`;
    // A full page ends at its last timestamp; traces sharing it are taken in the next pass.
    let until = settledBefore;
    let page = rows;
    const last = rows.at(-1);
    if (rows.length === scanPageSize && last) {
      const earlier = rows.filter((row) => row.updated_at < last.updated_at);
      if (earlier.length > 0) {
        page = earlier;
        until = new Date(last.updated_at.getTime() - 1);
      } else {
        until = last.updated_at;
      }
    }
    const sampled = page.filter((row) => isTraceSampled(row.id, evaluator.samplingRate)).map((row) => row.id);
    const registered = await database.$transaction(async (tx) => {
      const fresh = await registerEvaluationRuns(tx, evaluator, sampled, { retry: false, now });
      await tx.evaluator.update({ where: { id: evaluator.id }, data: { scannedUntil: until } });
      return fresh;
    });
    await send(evaluateTraceQueue, jobsFor(evaluator, registered));
    queued += registered.length;
  }
  return queued + (await requeueLostRuns(database, now, send));
}

async function requeueLostRuns(database: Database, now: Date, send: JobContext["send"]): Promise<number> {
  const lost = await database.evaluationRun.findMany({
    where: { status: "pending", queuedAt: { lt: new Date(now.getTime() - lostRunMinutes * 60_000) } },
    select: { projectId: true, evaluatorId: true, evaluatorVersion: true, traceId: true },
    take: 1_000,
  });
  if (lost.length === 0) return 0;
  const jobs: EvaluationJobData[] = lost.map((run) => ({
    projectId: run.projectId,
    evaluatorId: run.evaluatorId,
    version: run.evaluatorVersion,
    traceId: run.traceId,
  }));
  await send(evaluateTraceQueue, jobs);
  await database.evaluationRun.updateMany({
    where: { OR: lost.map(({ evaluatorId, evaluatorVersion, traceId }) => ({ evaluatorId, evaluatorVersion, traceId })) },
    data: { queuedAt: now },
  });
  return jobs.length;
}
