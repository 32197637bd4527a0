import { defineJob, type JobDefinition } from "@/server/jobs/jobDefinition";
import { backfillQueue, runBackfill, type BackfillJobData } from "@/server/evaluation/backfill";
import { evaluateTrace, evaluationAttempts, type EvaluationDependencies } from "@/server/evaluation/evaluateTrace";
import { evaluateTraceQueue, type EvaluationJobData } from "@/server/evaluation/evaluationRuns";
import { scanSettledTraces } from "@/server/evaluation/scanSettledTraces";

export const evaluationScanQueue = "evaluation-scan";

/** The evaluation jobs, bound to what scoring needs (the process's, or a test's fakes). */
export function evaluationJobs(dependencies: EvaluationDependencies): JobDefinition[] {
  return [
    defineJob({
      queue: evaluationScanQueue,
      title: "Evaluator scan",
      policy: "stately",
      everySeconds: 15,
      retryLimit: 2,
      retryDelaySeconds: 5,
      expireInSeconds: 10 * 60,
      handle: async (_data, { database, now, send }) => {
        await scanSettledTraces(database, now(), send);
      },
    }),
    defineJob<EvaluationJobData>({
      queue: evaluateTraceQueue,
      title: "Evaluate a trace",
      policy: "standard",
      routine: true,
      retryLimit: evaluationAttempts - 1,
      retryDelaySeconds: 10,
      // A judge may take its timeout times its attempts, and backoff between them.
      expireInSeconds: 15 * 60,
      // Scored together, so a slow judge answer does not hold up the others (its own limit caps calls per evaluator).
      batchSize: 32,
      handle: async (data, { database, now }) => {
        await evaluateTrace(database, data, dependencies, now());
      },
    }),
    defineJob<BackfillJobData>({
      queue: backfillQueue,
      title: "Evaluator backfill",
      policy: "standard",
      retryLimit: 5,
      retryDelaySeconds: 10,
      expireInSeconds: 60 * 60,
      handle: (data, { database, now, send }) => runBackfill(database, data, send, now()),
    }),
  ];
}
