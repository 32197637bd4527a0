import { Prisma } from "@/generated/prisma/client";
import type { Queryable } from "@/server/db/client";

/** What the evaluate-trace job carries: one evaluator version on one trace. */
export interface EvaluationJobData {
  projectId: string;
  evaluatorId: string;
  version: number;
  traceId: string;
}

export const evaluateTraceQueue = "evaluate-trace";

/**
 * Registers traces for an evaluator version and returns those not registered before: the
 * run row is what makes scoring happen once however often a scan or backfill meets a trace.
 * `retry` also returns failed and skipped runs (a backfill re-scores them).
 */
export async function registerEvaluationRuns(
  database: Queryable,
  evaluator: { projectId: string; id: string; version: number },
  traceIds: readonly string[],
  options: { retry: boolean; now: Date },
): Promise<string[]> {
  if (traceIds.length === 0) return [];
  const inserted = await database.$queryRaw<{ trace_id: string }[]>`
    INSERT INTO evaluation_runs (project_id, evaluator_id, evaluator_version, trace_id, status, created_at, queued_at)
    SELECT ${evaluator.projectId}::uuid, ${evaluator.id}::uuid, ${evaluator.version}::int, t, 'pending'::"EvaluationStatus", ${options.now}, ${options.now}
    FROM unnest(${[...traceIds]}::text[]) AS t
    ON CONFLICT (evaluator_id, evaluator_version, trace_id) DO ${
      options.retry
        ? Prisma.sql`UPDATE SET status = 'pending', error = NULL, attempts = 0, finished_at = NULL, queued_at = ${options.now}
            WHERE evaluation_runs.status IN ('failed', 'skipped')`
        : Prisma.sql`NOTHING`
    }
    RETURNING trace_id`;
  return inserted.map(({ trace_id }) => trace_id);
}

export const jobsFor = (evaluator: { projectId: string; id: string; version: number }, traceIds: readonly string[]): EvaluationJobData[] =>
  traceIds.map((traceId) => ({ projectId: evaluator.projectId, evaluatorId: evaluator.id, version: evaluator.version, traceId }));
