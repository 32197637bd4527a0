import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { EvaluatorInput } from "@/contracts/evaluators";
import type { Database } from "@/server/db/client";
import { lexstyleEmbedder } from "@/server/embeddings/lexstyleEmbedder";
import { builtinEvaluators } from "@/server/evaluation/builtinEvaluators";
import { evaluateTrace, RetryableEvaluationError, type EvaluationDependencies } from "@/server/evaluation/evaluateTrace";
import { createEvaluator, listEvaluators } from "@/server/evaluation/evaluators";
import { evaluateTraceQueue, type EvaluationJobData } from "@/server/evaluation/evaluationRuns";
import { scanSettledTraces } from "@/server/evaluation/scanSettledTraces";
import { runBackfill, startBackfill, type BackfillJobData } from "@/server/evaluation/backfill";
import { checkAnswerJsonSchema } from "@/server/evaluation/builtin/formatAnswerSchema";
import { listJudgeCalls } from "@/server/evaluation/judgeCalls";
import { isTraceSampled } from "@/server/evaluation/traceSampling";
import { getTrace } from "@/server/traces/traceQueries";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { createProjectWithKeys } from "@/test/factories";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { closedPortUrl, startFakeOpenAiServer, type FakeOpenAiServer } from "@/test/fakeOpenAiServer";

const secret = "test-instance-secret-0123456789abcdefghijkl";
const configuration = { instanceSecret: () => secret, checkAnswerJsonSchema, checkJudgeBaseUrl: () => null };
// Ingest stamps traces with the real clock, so each test's clock starts from it (a clock
// fixed when the file loads fell minutes behind on a busy machine: nothing had settled).
let t0 = new Date();
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
beforeEach(() => {
  t0 = new Date(Date.now() - 1000);
});

let llm: FakeOpenAiServer;
beforeAll(async () => {
  llm = await startFakeOpenAiServer({ apiKey: "judge-key" });
});
afterAll(async () => {
  await llm.close();
});

function dependencies(overrides: Partial<EvaluationDependencies> = {}): EvaluationDependencies {
  return {
    builtins: builtinEvaluators,
    // The hashed embedder keeps these tests free of the GloVe table; the evaluators do not care which embedder it is.
    embedder: () => lexstyleEmbedder,
    instanceSecret: () => secret,
    judge: { sleep: () => Promise.resolve() },
    judgeLimit: () => (task) => task(),
    ...overrides,
  };
}

const passages = [
  "Refunds are paid back to the original card within 5 business days of the return arriving.",
  "Orders over 50 euros ship free of charge in Germany and Austria.",
];

function answerTrace(id: string, output: string) {
  return {
    id,
    startTime: "2026-11-27T09:00:00.000Z",
    input: [{ role: "user", content: "How long do refunds take?" }],
    output: [{ role: "assistant", content: output }],
    spans: [
      {
        id: `${id}-retrieve`,
        type: "retrieval",
        name: "search",
        startTime: "2026-11-27T09:00:00.000Z",
        output: { documents: passages.map((content) => ({ content })) },
      },
    ],
  };
}

/** Runs queued evaluations the way the job does, collecting what a job would have been sent. */
function queue() {
  const jobs: EvaluationJobData[] = [];
  return {
    jobs,
    send: (name: string, data: object[]) => {
      expect(name).toBe(evaluateTraceQueue);
      jobs.push(...(data as EvaluationJobData[]));
      return Promise.resolve();
    },
  };
}

async function judgeEvaluator(database: Database, projectId: string, judge: Partial<NonNullable<EvaluatorInput["judge"]>> = {}) {
  return createEvaluator(
    database,
    projectId,
    {
      name: "helpfulness_judge",
      kind: "llm_judge",
      settleSeconds: 60,
      judge: { baseUrl: llm.url, model: "gpt-4o-mini", apiKey: "judge-key", rubric: "relevance", ...judge },
    },
    configuration,
    t0,
  );
}

describe.each(await testDatabaseKinds())("online evaluation on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("scores each settled trace once with the built-ins and a judge, and keeps every judge call", async () => {
    const { project } = await createProjectWithKeys(test.database);
    for (const evaluatorKind of ["pii_leak", "toxicity", "faithfulness", "relevance"] as const) {
      await createEvaluator(test.database, project.id, { name: evaluatorKind, kind: evaluatorKind, settleSeconds: 60 }, configuration, t0);
    }
    const judge = await judgeEvaluator(test.database, project.id);
    llm.enqueueChat({ kind: "answer", text: JSON.stringify({ reasoning: "It answers the refund question.", score: 0.9 }) });
    await ingestTraces(test.database, project.id, [
      answerTrace("good", "Refunds are paid back within 5 business days. Write to jane.doe@example.com if not."),
    ]);
    const { jobs, send } = queue();

    // Not settled yet: a span could still arrive.
    expect(await scanSettledTraces(test.database, t0, send)).toBe(0);
    const settled = later(3600);
    expect(await scanSettledTraces(test.database, settled, send)).toBe(5);
    for (const job of jobs) expect(await evaluateTrace(test.database, job, dependencies(), settled)).toBe("scored");
    // A job delivered twice, and a later scan, add nothing.
    expect(await evaluateTrace(test.database, jobs[0] as EvaluationJobData, dependencies(), settled)).toBe("done before");
    expect(await scanSettledTraces(test.database, later(7200), send)).toBe(0);

    const trace = await getTrace(test.database, project.id, "good");
    const byName = Object.fromEntries(trace.scores.map((score) => [score.name, score]));
    expect(Object.keys(byName).sort()).toEqual(["faithfulness", "hallucination", "helpfulness_judge", "pii_leak", "relevance", "toxicity"]);
    expect(byName.pii_leak).toMatchObject({ value: true, source: "evaluator", evaluator: "pii_leak", evaluatorVersion: 1 });
    expect(byName.pii_leak?.comment).not.toContain("jane.doe");
    expect(byName.toxicity?.value).toBe(0);
    expect(byName.helpfulness_judge).toMatchObject({
      value: 0.9,
      comment: "It answers the refund question.",
      evaluator: "helpfulness_judge",
    });
    const calls = await listJudgeCalls(test.database, project.id, "good");
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      evaluatorId: judge.id,
      scoreId: byName.helpfulness_judge?.id,
      httpStatus: 200,
      error: null,
      attempt: 1,
    });
    expect(JSON.stringify(calls[0]?.prompt)).toContain("How long do refunds take?");
  });

  it("checks answers against the answer schema the project declared with its format evaluator", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const jsonSchema = { type: "object", properties: { refundDays: { type: "number" } }, required: ["refundDays"] };
    await createEvaluator(test.database, project.id, { name: "format", kind: "format", settleSeconds: 60, jsonSchema }, configuration, t0);
    await ingestTraces(test.database, project.id, [answerTrace("text-days", '{"refundDays": "five"}')]);
    const { jobs, send } = queue();
    const settled = later(3600);
    expect(await scanSettledTraces(test.database, settled, send)).toBe(1);
    for (const job of jobs) expect(await evaluateTrace(test.database, job, dependencies(), settled)).toBe("scored");

    const [score] = (await getTrace(test.database, project.id, "text-days")).scores;
    expect(score).toMatchObject({ name: "format", value: false });
    expect(score?.comment).toContain("does not match the declared schema");
  });

  it("never stores a judge's score outside its range or an unparsable answer; the reason stays on the run", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const judge = await judgeEvaluator(test.database, project.id, { maxAttempts: 2 });
    await ingestTraces(test.database, project.id, [answerTrace("huge", "Five days."), answerTrace("prose", "Five days.")]);
    const { jobs, send } = queue();
    await scanSettledTraces(test.database, later(3600), send);
    const job = (traceId: string) => jobs.find((candidate) => candidate.traceId === traceId) as EvaluationJobData;

    llm.enqueueChat(
      { kind: "answer", text: JSON.stringify({ reasoning: "Great", score: 9.2e124 }) },
      { kind: "answer", text: JSON.stringify({ reasoning: "Great", score: 9.2e124 }) },
      { kind: "answer", text: "I would rate this answer highly." },
      { kind: "answer", text: JSON.stringify({ reasoning: "Fine", score: "high" }) },
    );
    expect(await evaluateTrace(test.database, job("huge"), dependencies(), later(3600))).toBe("failed");
    expect(await evaluateTrace(test.database, job("prose"), dependencies(), later(3600))).toBe("failed");
    expect(await test.database.score.count({ where: { projectId: project.id } })).toBe(0);
    const runs = await test.database.evaluationRun.findMany({ where: { evaluatorId: judge.id }, orderBy: { traceId: "asc" } });
    expect(runs.map((run) => [run.traceId, run.status])).toEqual([
      ["huge", "failed"],
      ["prose", "failed"],
    ]);
    expect(runs[0]?.error).toContain("outside the range 0..1");
    expect(await listJudgeCalls(test.database, project.id, "huge")).toHaveLength(2);
  });

  it("retries a judge that is down, then fails with the reason and no score", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await judgeEvaluator(test.database, project.id, { baseUrl: await closedPortUrl(), maxAttempts: 1 });
    await ingestTraces(test.database, project.id, [answerTrace("down", "Five days.")]);
    const { jobs, send } = queue();
    await scanSettledTraces(test.database, later(3600), send);
    const [job] = jobs as [EvaluationJobData];
    // The job's first two attempts throw so pg-boss retries them with backoff; the third is final.
    await expect(evaluateTrace(test.database, job, dependencies(), later(3600))).rejects.toThrow(RetryableEvaluationError);
    await expect(evaluateTrace(test.database, job, dependencies(), later(3700))).rejects.toThrow(RetryableEvaluationError);
    expect(await evaluateTrace(test.database, job, dependencies(), later(3800))).toBe("failed");
    const run = await test.database.evaluationRun.findFirstOrThrow({ where: { projectId: project.id } });
    expect(run).toMatchObject({ status: "failed", attempts: 3 });
    expect(run.error).toMatch(/could not be reached|ECONNREFUSED|fetch failed/i);
    expect(await test.database.score.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("a budget of 0 calls nothing and pauses the evaluator with the reason", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await judgeEvaluator(test.database, project.id, { dailyBudgetUsd: 0 });
    await ingestTraces(test.database, project.id, [answerTrace("free", "Five days.")]);
    const before = llm.requests.length;
    const { jobs, send } = queue();
    await scanSettledTraces(test.database, later(3600), send);
    expect(await evaluateTrace(test.database, jobs[0] as EvaluationJobData, dependencies(), later(3600))).toBe("skipped");
    expect(llm.requests.length).toBe(before);
    const [evaluator] = await listEvaluators(test.database, project.id, later(3600));
    expect(evaluator?.pausedReason).toBe("Daily budget of $0 spent; resumes at midnight UTC");
    // Paused: the next scan queues nothing for it.
    await ingestTraces(test.database, project.id, [answerTrace("free-2", "Five days.")]);
    expect(await scanSettledTraces(test.database, later(7200), send)).toBe(0);
  });

  it("an evaluator crashing on one trace leaves the others scored", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await createEvaluator(test.database, project.id, { name: "relevance", kind: "relevance", settleSeconds: 0 }, configuration, t0);
    await ingestTraces(test.database, project.id, [
      answerTrace("a", "Five days."),
      answerTrace("boom", "Five days."),
      answerTrace("b", "Five days."),
    ]);
    const crashing = dependencies({
      builtins: {
        ...builtinEvaluators,
        relevance: { ...builtinEvaluators.relevance, evaluate: () => Promise.reject(new Error("tokenizer exploded")) },
      },
    });
    const { jobs, send } = queue();
    await scanSettledTraces(test.database, later(60), send);
    const outcomes = await Promise.allSettled(
      jobs.map((job) => evaluateTrace(test.database, job, job.traceId === "boom" ? crashing : dependencies(), later(60))),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(jobs.map((job) => (job.traceId === "boom" ? "rejected" : "fulfilled")));
    const scored = await test.database.score.findMany({ where: { projectId: project.id }, select: { traceId: true } });
    expect(scored.map(({ traceId }) => traceId).sort()).toEqual(["a", "b"]);
    const failed = await test.database.evaluationRun.findFirstOrThrow({ where: { projectId: project.id, traceId: "boom" } });
    expect(failed.error).toContain("tokenizer exploded");
  });

  it("a backfill stopped half way resumes from its cursor without scoring any trace twice, at the sampling rate", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await ingestTraces(
      test.database,
      project.id,
      Array.from({ length: 700 }, (_, n) => ({ ...answerTrace(`old-${n}`, "Five days."), spans: [] })),
    );
    const evaluator = await createEvaluator(
      test.database,
      project.id,
      { name: "refusal", kind: "refusal", samplingRate: 0.5 },
      configuration,
      later(60),
    );
    let jobId = "";
    const started = await startBackfill(
      test.database,
      project.id,
      evaluator.id,
      { from: "2026-11-27T00:00:00Z", to: "2026-11-28T00:00:00Z" },
      (queueName, data) => {
        jobId = JSON.stringify({ queueName, data });
        return Promise.resolve("job-1");
      },
    );
    const expected = Array.from({ length: 700 }, (_, n) => `old-${n}`).filter((id) => isTraceSampled(id, 0.5));
    expect(started).toMatchObject({ jobId: "job-1", status: "running", total: expected.length, queued: 0 });
    const job = JSON.parse(jobId) as { data: BackfillJobData };

    // The process dies after the first page was registered: its send fails.
    const queued: EvaluationJobData[] = [];
    let pages = 0;
    await expect(
      runBackfill(
        test.database,
        job.data,
        (_name, data) => {
          pages += 1;
          if (pages === 2) return Promise.reject(new Error("process killed"));
          queued.push(...(data as EvaluationJobData[]));
          return Promise.resolve();
        },
        later(120),
      ),
    ).rejects.toThrow("process killed");
    // pg-boss runs the job again; it resumes after the saved cursor.
    await runBackfill(
      test.database,
      job.data,
      (_name, data) => {
        queued.push(...(data as EvaluationJobData[]));
        return Promise.resolve();
      },
      later(180),
    );
    for (const evaluation of queued) await evaluateTrace(test.database, evaluation, dependencies(), later(240));
    const scores = await test.database.score.findMany({ where: { projectId: project.id }, select: { traceId: true } });
    const scoredIds = scores.map(({ traceId }) => traceId);
    expect(new Set(scoredIds).size).toBe(scoredIds.length);
    // The page lost with the crash was registered but never queued: the lost-run sweep queues it again later.
    const pending = await test.database.evaluationRun.count({ where: { projectId: project.id, status: "pending" } });
    expect(scoredIds.length + pending).toBe(expected.length);
    const { send, jobs } = queue();
    await scanSettledTraces(test.database, later(60 * 60), send);
    for (const evaluation of jobs) await evaluateTrace(test.database, evaluation, dependencies(), later(3600));
    expect(
      (await test.database.score.findMany({ where: { projectId: project.id }, select: { traceId: true } }))
        .map(({ traceId }) => traceId)
        .sort(),
    ).toEqual([...expected].sort());
    // Two pages of 500 traces with one evaluation each: slow on a loaded machine, not stuck.
  }, 120_000);
});
