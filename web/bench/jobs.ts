// What running work as pg-boss jobs costs, on PostgreSQL:
// - job overhead: the same handler (one small write) called directly N times, then through
//   the queue (insert, fetch in batches, complete), both 100 at a time; the difference per
//   job, target <= 2 ms;
// - ingest beside evaluation: trace ingest throughput while the web process's job runner
//   scores every trace with the four built-ins, over ingest alone, same run, target >= 0.8.
import { poolJobExecutor } from "@liveloop/prisma/connection";
import pg from "pg";
import { defineJob } from "../src/server/jobs/jobDefinition.ts";
import { startJobRunner } from "../src/server/jobs/jobRunner.ts";
import { evaluationJobs } from "../src/server/evaluation/evaluationJobs.ts";
import { processEvaluationDependencies } from "../src/server/evaluation/processEvaluation.ts";
import { createEvaluator } from "../src/server/evaluation/evaluators.ts";
import { checkAnswerJsonSchema } from "../src/server/evaluation/builtin/formatAnswerSchema.ts";
import { scanSettledTraces } from "../src/server/evaluation/scanSettledTraces.ts";
import { ingestTraces } from "../src/server/traces/ingestTraces.ts";
import { benchSubjects } from "./builtinEvaluators.ts";
import { withDatabase } from "./review.ts";
import type { BenchRow } from "./appServer.ts";

const overheadJobs = 2_000;

export function benchJobOverhead(): Promise<BenchRow> {
  return withDatabase("job_overhead", async (database, url) => {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    await database.$executeRaw`CREATE TABLE bench_hits (n int)`;
    const handler = async ({ n }: { n: number }) => {
      await database.$executeRaw`INSERT INTO bench_hits VALUES (${n})`;
    };
    // The queue runs each batch of 100 at once, so the direct calls do too.
    const directStart = performance.now();
    for (let first = 0; first < overheadJobs; first += 100) {
      await Promise.all(Array.from({ length: 100 }, (_, i) => handler({ n: first + i })));
    }
    const directMs = performance.now() - directStart;

    let done = 0;
    let finished: () => void = () => undefined;
    const allDone = new Promise<void>((resolve) => (finished = resolve));
    const definition = defineJob<{ n: number }>({
      queue: "bench",
      title: "Bench",
      policy: "standard",
      retryLimit: 0,
      retryDelaySeconds: 1,
      expireInSeconds: 600,
      batchSize: 100,
      handle: async (data) => {
        await handler(data);
        if (++done === overheadJobs) finished();
      },
    });
    const runner = await startJobRunner({ database, jobSql: poolJobExecutor(pool), definitions: [definition], work: false });
    const queuedStart = performance.now();
    await runner.context.send(
      "bench",
      Array.from({ length: overheadJobs }, (_, n) => ({ n })),
    );
    const worker = await startJobRunner({
      database,
      jobSql: poolJobExecutor(pool),
      definitions: [definition],
      work: true,
      drain: true,
      pollingIntervalSeconds: 0.5,
    });
    await allDone;
    const queuedMs = performance.now() - queuedStart;
    await worker.stop();
    await runner.stop();
    await pool.end();
    const perJob = (queuedMs - directMs) / overheadJobs;
    return {
      name: `job overhead: ${overheadJobs} jobs of one small write, queued in one insert and worked in batches of 100 (PostgreSQL), ms per job over calling the handler`,
      baseline: `direct ${(directMs / overheadJobs).toFixed(3)} ms/job`,
      measured: `through pg-boss ${(queuedMs / overheadJobs).toFixed(3)} ms/job`,
      ratio: (queuedMs / directMs).toFixed(2),
      target: "<= 2 ms overhead per job",
      met: perJob <= 2,
    };
  });
}

const ingestBatches = 40;
const tracesPerBatch = 50;

export function benchIngestWithEvaluators(): Promise<BenchRow> {
  return withDatabase("ingest_evaluators", async (database, url, projectId) => {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    const subjects = benchSubjects(tracesPerBatch);
    const batch = (label: string, b: number) =>
      subjects.map((subject, i) => ({
        id: `${label}-${b}-${i}`,
        startTime: new Date().toISOString(),
        input: [{ role: "user", content: subject.input }],
        output: [{ role: "assistant", content: subject.output }],
        spans: [
          {
            id: "retrieve",
            type: "retrieval",
            name: "search",
            startTime: new Date().toISOString(),
            output: { documents: subject.contexts.map((content) => ({ content })) },
          },
        ],
      }));
    const ingestRate = async (label: string) => {
      const start = performance.now();
      for (let b = 0; b < ingestBatches; b++) await ingestTraces(database, projectId, batch(label, b));
      return (ingestBatches * tracesPerBatch) / ((performance.now() - start) / 1000);
    };
    await ingestRate("warm-up");
    const alone = await ingestRate("alone");

    const dependencies = processEvaluationDependencies();
    // The GloVe table loads once per process; that is start-up, not the steady state measured here.
    await dependencies.embedder().embed(["warm up"]);
    const configuration = { instanceSecret: () => "bench", checkAnswerJsonSchema, checkJudgeBaseUrl: () => null };
    for (const kind of ["pii_leak", "toxicity", "relevance", "faithfulness"] as const) {
      await createEvaluator(database, projectId, { name: kind, kind, settleSeconds: 0 }, configuration, new Date());
    }
    // The web process's runner (polling, no drain), scanning continuously instead of every 15 s.
    const runner = await startJobRunner({
      database,
      jobSql: poolJobExecutor(pool),
      definitions: evaluationJobs(dependencies),
      work: true,
    });
    const stopScanning = new AbortController();
    const scans = (async () => {
      while (!stopScanning.signal.aborted) {
        await scanSettledTraces(database, new Date(), runner.context.send);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    const scoredBefore = await database.evaluationRun.count({ where: { status: "scored" } });
    const besideStart = performance.now();
    const beside = await ingestRate("beside");
    const besideSeconds = (performance.now() - besideStart) / 1000;
    stopScanning.abort();
    await scans;
    const scored = (await database.evaluationRun.count({ where: { status: "scored" } })) - scoredBefore;
    await runner.stop();
    await pool.end();
    return {
      name: `trace ingest (${ingestBatches} batches of ${tracesPerBatch} traces with a 2 KB answer and three passages) while the web process's jobs score every trace with pii_leak, toxicity, relevance and faithfulness (PostgreSQL)`,
      baseline: `ingest alone ${Math.round(alone)} traces/s`,
      measured: `beside evaluation ${Math.round(beside)} traces/s (${(scored / besideSeconds).toFixed(1)} evaluations/s done meanwhile)`,
      ratio: (beside / alone).toFixed(2),
      target: ">= 0.8",
      met: beside / alone >= 0.8,
    };
  });
}
