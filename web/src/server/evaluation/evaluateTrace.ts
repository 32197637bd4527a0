import type { BuiltinKind } from "@/contracts/evaluators";
import type { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import type { Embedder } from "@/server/embeddings/embedder";
import { decryptSecret, secretPurposes } from "@/server/auth/secretBox";
import type { BuiltinEvaluator, EvaluationSubject, EvaluatorScore } from "@/server/evaluation/evaluatorTypes";
import { evaluationSubjectOf } from "@/server/evaluation/evaluationSubject";
import type { EvaluationJobData } from "@/server/evaluation/evaluationRuns";
import { storedJudge } from "@/server/evaluation/evaluators";
import { evaluatorSpentTodayUsd } from "@/server/evaluation/judgeSpending";
import { budgetPauseReason } from "@/server/evaluation/scanSettledTraces";
import { judgeExamples } from "@/server/evaluation/judgeExamples";
import { runJudge, type JudgeCallRecord, type JudgeDependencies } from "@/server/evaluation/judge/runJudge";
import type { ConcurrencyLimit } from "@/server/evaluation/judge/concurrencyLimit";
import { checkScoreValue, scoreConfigsByName } from "@/server/scores/scoreConfigs";
import { projectPriceEntries } from "@/server/traces/projectPrices";

export type { BuiltinKind };

/** What scoring needs from outside the database; the job system passes the process's, tests their own. */
export interface EvaluationDependencies {
  builtins: Readonly<Record<BuiltinKind, BuiltinEvaluator>>;
  /** The semantic embedder (loaded on first use). */
  embedder: () => Embedder;
  instanceSecret: () => string;
  /** fetch, sleep and clock of judge calls. */
  judge: Omit<JudgeDependencies, "limit" | "prices" | "spentTodayUsd">;
  /** The concurrency limit of one evaluator's judge calls in this process. */
  judgeLimit: (evaluatorId: string) => ConcurrencyLimit;
}

/** A failure worth another attempt (the judge timed out, answered 429 or 5xx): the job throws it and pg-boss retries. */
export class RetryableEvaluationError extends Error {}

/** Evaluations per trace before its failure is final; matches the job's retry limit + 1. */
export const evaluationAttempts = 3;

export type EvaluationOutcome = "scored" | "skipped" | "failed" | "done before";

/** Score ids are fixed by evaluator, version, trace and name, so a repeated job writes nothing new. */
export const evaluatorScoreId = (job: EvaluationJobData, name: string) => `eval:${job.evaluatorId}:v${job.version}:${job.traceId}:${name}`;

async function finish(database: Database, job: EvaluationJobData, status: "skipped" | "failed", error: string, now: Date) {
  await database.evaluationRun.update({
    where: { evaluatorId_evaluatorVersion_traceId: { evaluatorId: job.evaluatorId, evaluatorVersion: job.version, traceId: job.traceId } },
    data: { status, error, finishedAt: now, attempts: { increment: 1 } },
  });
}

const judgeCallRows = (
  job: EvaluationJobData,
  calls: readonly JudgeCallRecord[],
  scoreId: string | null,
): Prisma.JudgeCallCreateManyInput[] =>
  calls.map((call, index) => ({
    projectId: job.projectId,
    evaluatorId: job.evaluatorId,
    traceId: job.traceId,
    scoreId: call.error === null ? scoreId : null,
    attempt: index + 1,
    prompt: { model: call.model, responseFormat: call.responseFormat, messages: call.messages } as unknown as Prisma.InputJsonObject,
    response: call.responseText,
    httpStatus: call.status,
    error: call.error,
    inputTokens: call.inputTokens,
    outputTokens: call.outputTokens,
    costUsd: call.costUsd,
    latencyMs: Math.round(call.latencyMs),
    startedAt: call.startedAt,
  }));

/**
 * Scores one trace with one evaluator version, at most once: the run row says whether it
 * was done, and scores have fixed ids. Every score is checked against its config before it
 * is stored; an evaluator that throws, or a judge that gives no valid score, leaves a failed
 * run with the reason and no score. Judge calls are kept whatever happened.
 */
export async function evaluateTrace(
  database: Database,
  job: EvaluationJobData,
  dependencies: EvaluationDependencies,
  now: Date,
): Promise<EvaluationOutcome> {
  const run = await database.evaluationRun.findUnique({
    where: { evaluatorId_evaluatorVersion_traceId: { evaluatorId: job.evaluatorId, evaluatorVersion: job.version, traceId: job.traceId } },
    select: { status: true, attempts: true },
  });
  if (!run || run.status === "scored" || run.status === "skipped") return "done before";
  const evaluator = await database.evaluator.findFirst({ where: { id: job.evaluatorId, projectId: job.projectId } });
  if (!evaluator || evaluator.version !== job.version) {
    await finish(database, job, "skipped", "The evaluator changed; its new version scores traces of its own", now);
    return "skipped";
  }
  if (!evaluator.enabled || evaluator.pausedReason) {
    await finish(database, job, "skipped", evaluator.pausedReason ?? "The evaluator was paused", now);
    return "skipped";
  }
  const trace = await database.trace.findUnique({
    where: { projectId_id: { projectId: job.projectId, id: job.traceId } },
    select: { input: true, output: true, spans: { select: { type: true, output: true }, orderBy: [{ startTime: "asc" }, { id: "asc" }] } },
  });
  if (!trace) {
    await finish(database, job, "skipped", "The trace was deleted", now);
    return "skipped";
  }
  const subject = evaluationSubjectOf(trace, trace.spans);

  let scores: EvaluatorScore[];
  let calls: JudgeCallRecord[] = [];
  let costUsd: number | null = null;
  if (evaluator.kind === "llm_judge") {
    const judged = await judgeTrace(database, job, evaluator, subject, dependencies, now);
    if (judged.kind !== "scored") return judged.kind;
    ({ scores, calls, costUsd } = judged);
  } else {
    const builtin = dependencies.builtins[evaluator.kind];
    // Only `format` reads the answer schema: the other built-ins skip the query.
    const project =
      evaluator.kind === "format"
        ? await database.project.findUnique({ where: { id: job.projectId }, select: { answerJsonSchema: true } })
        : null;
    const context = { embedder: dependencies.embedder(), answerJsonSchema: project?.answerJsonSchema ?? undefined };
    if (!builtin.applies(subject, context)) {
      await finish(
        database,
        job,
        "skipped",
        evaluator.kind === "faithfulness" ? "No retrieved passages to check against" : "Nothing to score",
        now,
      );
      return "skipped";
    }
    try {
      scores = await builtin.evaluate(subject, context);
    } catch (error) {
      await failOrRetry(database, job, run.attempts, `${evaluator.kind} failed on this trace: ${String(error)}`, now);
      return "failed";
    }
  }

  const configs = await scoreConfigsByName(
    database,
    job.projectId,
    scores.map((score) => score.name),
  );
  const rows: Prisma.ScoreCreateManyInput[] = [];
  for (const score of scores) {
    const config = configs.get(score.name);
    const checked = config
      ? checkScoreValue(config, { value: score.value ?? undefined, category: score.category })
      : `${score.name} has no score config`;
    if (typeof checked === "string") {
      await database.judgeCall.createMany({ data: judgeCallRows(job, calls, null) });
      await finish(database, job, "failed", `Refused score: ${checked}`, now);
      return "failed";
    }
    rows.push({
      projectId: job.projectId,
      id: evaluatorScoreId(job, score.name),
      traceId: job.traceId,
      name: score.name,
      dataType: checked.dataType,
      value: checked.value,
      category: checked.category,
      source: "evaluator",
      evaluatorId: evaluator.id,
      evaluatorName: evaluator.name,
      evaluatorVersion: evaluator.version,
      comment: score.explanation,
      costUsd,
      createdAt: now,
    });
  }
  await database.$transaction(async (tx) => {
    await tx.score.createMany({ data: rows, skipDuplicates: true });
    await tx.judgeCall.createMany({ data: judgeCallRows(job, calls, rows[0]?.id ?? null) });
    await tx.evaluationRun.update({
      where: {
        evaluatorId_evaluatorVersion_traceId: { evaluatorId: job.evaluatorId, evaluatorVersion: job.version, traceId: job.traceId },
      },
      data: { status: "scored", error: null, finishedAt: now, attempts: { increment: 1 } },
    });
  });
  return "scored";
}

/** A failed attempt: retried (by throwing) while attempts remain, then final. */
async function failOrRetry(database: Database, job: EvaluationJobData, attemptsBefore: number, error: string, now: Date): Promise<void> {
  await finish(database, job, "failed", error, now);
  if (attemptsBefore + 1 < evaluationAttempts) throw new RetryableEvaluationError(error);
}

type Judged =
  { kind: "scored"; scores: EvaluatorScore[]; calls: JudgeCallRecord[]; costUsd: number | null } | { kind: "skipped" | "failed" };

async function judgeTrace(
  database: Database,
  job: EvaluationJobData,
  evaluator: { id: string; name: string; judge: Prisma.JsonValue; judgeApiKey: string | null },
  subject: EvaluationSubject,
  dependencies: EvaluationDependencies,
  now: Date,
): Promise<Judged> {
  const settings = storedJudge(evaluator);
  if (!settings) {
    await finish(database, job, "failed", "The judge has no settings", now);
    return { kind: "failed" };
  }
  const apiKey =
    evaluator.judgeApiKey === null
      ? undefined
      : decryptSecret(evaluator.judgeApiKey, dependencies.instanceSecret(), secretPurposes.judgeApiKey);
  const [spentTodayUsd, prices, examples] = await Promise.all([
    evaluatorSpentTodayUsd(database, job.projectId, evaluator.id, now),
    projectPriceEntries(database, job.projectId),
    judgeExamples(database, job.projectId, evaluator.id, job.traceId),
  ]);
  const outcome = await runJudge({ ...settings, apiKey, examples }, subject, {
    ...dependencies.judge,
    limit: dependencies.judgeLimit(evaluator.id),
    prices,
    spentTodayUsd,
  });
  if (outcome.ok) {
    const costs = outcome.calls.map((call) => call.costUsd).filter((cost): cost is number => cost !== null);
    return {
      kind: "scored",
      scores: [{ name: evaluator.name, dataType: "numeric", value: outcome.score, explanation: outcome.reasoning }],
      calls: outcome.calls,
      costUsd: costs.length > 0 ? costs.reduce((sum, cost) => sum + cost, 0) : null,
    };
  }
  await database.judgeCall.createMany({ data: judgeCallRows(job, outcome.calls, null) });
  if (outcome.code === "budget_spent") {
    await database.evaluator.update({
      where: { id: evaluator.id },
      data: { pausedReason: budgetPauseReason(settings.dailyBudgetUsd ?? 0) },
    });
    await finish(database, job, "skipped", outcome.error, now);
    return { kind: "skipped" };
  }
  const run = await database.evaluationRun.findUniqueOrThrow({
    where: { evaluatorId_evaluatorVersion_traceId: { evaluatorId: job.evaluatorId, evaluatorVersion: job.version, traceId: job.traceId } },
    select: { attempts: true },
  });
  if (outcome.retryable) await failOrRetry(database, job, run.attempts, outcome.error, now);
  else await finish(database, job, "failed", outcome.error, now);
  return { kind: "failed" };
}
