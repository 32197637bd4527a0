import type { EvaluatorFilter, EvaluatorInput, EvaluatorUpdate, EvaluatorView } from "@/contracts/evaluators";
import { judgeSettingsSchema, type JudgeSettings } from "@/contracts/judge";
import { Prisma } from "@/generated/prisma/client";
import type { Database, Queryable } from "@/server/db/client";
import { isUniqueViolation } from "@/server/db/client";
import { BadRequestError, ConflictError, NotFoundError } from "@/server/errors";
import { encryptSecret, secretPurposes } from "@/server/auth/secretBox";
import { evaluatorScoreNames } from "@/server/evaluation/evaluatorScoreNames";
import { judgeScoreConfigOf, upsertJudgeScoreConfig } from "@/server/evaluation/judgeScoreConfig";
import { evaluatorSpentTodayUsd } from "@/server/evaluation/judgeSpending";

/** The judge settings as stored: everything but the key, which is kept encrypted beside them. */
type StoredJudge = Omit<JudgeSettings, "apiKey">;

const evaluatorSelect = {
  id: true,
  name: true,
  kind: true,
  enabled: true,
  pausedReason: true,
  samplingRate: true,
  settleSeconds: true,
  filter: true,
  version: true,
  judge: true,
  judgeApiKey: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.EvaluatorSelect;
type EvaluatorRow = Prisma.EvaluatorGetPayload<{ select: typeof evaluatorSelect }>;

export function storedJudge(row: { judge: Prisma.JsonValue }): StoredJudge | null {
  if (row.judge === null) return null;
  // Written by this module after validation; parsed again so a hand-edited row fails loudly.
  return judgeSettingsSchema.parse(row.judge);
}

type RunCounts = EvaluatorView["counts"];
const noRuns: RunCounts = { pending: 0, scored: 0, skipped: 0, failed: 0 };

/** The project's answer schema, which format evaluators show as theirs. */
type AnswerSchema = EvaluatorView["jsonSchema"];

function serializeEvaluator(row: EvaluatorRow, counts: RunCounts, spentTodayUsd: number, answerSchema: AnswerSchema): EvaluatorView {
  const judge = storedJudge(row);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    enabled: row.enabled,
    pausedReason: row.pausedReason,
    samplingRate: row.samplingRate,
    settleSeconds: row.settleSeconds,
    filter: row.filter as EvaluatorFilter,
    version: row.version,
    scoreNames: evaluatorScoreNames(row.kind, row.name),
    judge: judge && {
      baseUrl: judge.baseUrl,
      model: judge.model,
      rubric: judge.rubric ?? null,
      template: judge.template ?? null,
      dailyBudgetUsd: judge.dailyBudgetUsd ?? null,
      timeoutSeconds: judge.timeoutSeconds ?? null,
      maxAttempts: judge.maxAttempts ?? null,
      hasApiKey: row.judgeApiKey !== null,
    },
    jsonSchema: row.kind === "format" ? answerSchema : null,
    counts,
    spentTodayUsd,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function runCounts(database: Queryable, projectId: string, evaluators: readonly { id: string; version: number }[]) {
  if (evaluators.length === 0) return new Map<string, RunCounts>();
  const grouped = await database.evaluationRun.groupBy({
    by: ["evaluatorId", "evaluatorVersion", "status"],
    where: { projectId, evaluatorId: { in: evaluators.map(({ id }) => id) } },
    _count: { _all: true },
  });
  const versions = new Map(evaluators.map(({ id, version }) => [id, version]));
  const counts = new Map<string, RunCounts>();
  for (const group of grouped) {
    if (versions.get(group.evaluatorId) !== group.evaluatorVersion) continue;
    const current = counts.get(group.evaluatorId) ?? { ...noRuns };
    current[group.status] += group._count._all;
    counts.set(group.evaluatorId, current);
  }
  return counts;
}

async function viewsOf(database: Queryable, projectId: string, rows: EvaluatorRow[], now: Date): Promise<EvaluatorView[]> {
  const [counts, spent, answerSchema] = await Promise.all([
    runCounts(database, projectId, rows),
    Promise.all(
      rows.map((row) => (row.kind === "llm_judge" ? evaluatorSpentTodayUsd(database, projectId, row.id, now) : Promise.resolve(0))),
    ),
    rows.some((row) => row.kind === "format") ? answerSchemaOf(database, projectId) : Promise.resolve(null),
  ]);
  return rows.map((row, index) => serializeEvaluator(row, counts.get(row.id) ?? noRuns, spent[index] ?? 0, answerSchema));
}

async function answerSchemaOf(database: Queryable, projectId: string): Promise<AnswerSchema> {
  const project = await database.project.findUnique({ where: { id: projectId }, select: { answerJsonSchema: true } });
  const schema = project?.answerJsonSchema;
  // Only ever written from a checked JSON object (create and update below).
  return typeof schema === "object" && schema !== null && !Array.isArray(schema) ? schema : null;
}

export async function listEvaluators(database: Queryable, projectId: string, now: Date): Promise<EvaluatorView[]> {
  const rows = await database.evaluator.findMany({ where: { projectId }, select: evaluatorSelect, orderBy: { createdAt: "asc" } });
  return viewsOf(database, projectId, rows, now);
}

export async function getEvaluator(database: Queryable, projectId: string, evaluatorId: string, now: Date): Promise<EvaluatorView> {
  const row = await database.evaluator.findFirst({ where: { projectId, id: evaluatorId }, select: evaluatorSelect });
  if (!row) throw new NotFoundError(`No evaluator ${evaluatorId} in this project`);
  const [view] = await viewsOf(database, projectId, [row], now);
  if (!view) throw new NotFoundError(`No evaluator ${evaluatorId} in this project`);
  return view;
}

function sealedKey(apiKey: string | undefined, instanceSecret: string): string | null {
  return apiKey === undefined ? null : encryptSecret(apiKey, instanceSecret, secretPurposes.judgeApiKey);
}

function withoutKey(judge: JudgeSettings): StoredJudge {
  const { apiKey: _apiKey, ...rest } = judge;
  return rest;
}

/** The format evaluator's schema is the project's answer schema; a broken schema is refused naming the field. */
function checkJsonSchema(schema: Record<string, unknown> | null | undefined, check: (schema: unknown) => string | null): void {
  if (schema === undefined || schema === null) return;
  const problem = check(schema);
  if (problem) throw new BadRequestError(`jsonSchema: ${problem}`, [{ path: ["jsonSchema"], message: problem }]);
}

export interface EvaluatorDependencies {
  instanceSecret: () => string;
  /** Why a JSON Schema cannot be used, or null (the format evaluator's check). */
  checkAnswerJsonSchema: (schema: unknown) => string | null;
  /** Why the outbound policy refuses a judge's base URL, or null (checked again at each call). */
  checkJudgeBaseUrl: (url: string) => string | null;
}

function checkJudgeBaseUrl(judge: JudgeSettings | undefined, check: (url: string) => string | null): void {
  if (!judge) return;
  const problem = check(judge.baseUrl);
  if (problem) throw new BadRequestError(`judge.baseUrl: ${problem}`, [{ path: ["judge", "baseUrl"], message: problem }]);
}

export async function createEvaluator(
  database: Database,
  projectId: string,
  input: EvaluatorInput,
  dependencies: EvaluatorDependencies,
  now: Date,
): Promise<EvaluatorView> {
  checkJsonSchema(input.jsonSchema, dependencies.checkAnswerJsonSchema);
  checkJudgeBaseUrl(input.judge, dependencies.checkJudgeBaseUrl);
  try {
    const row = await database.$transaction(async (tx) => {
      const created = await tx.evaluator.create({
        data: {
          projectId,
          name: input.name,
          kind: input.kind,
          enabled: input.enabled ?? true,
          samplingRate: input.samplingRate ?? 1,
          settleSeconds: input.settleSeconds ?? 120,
          filter: input.filter ?? {},
          judge: input.judge ? withoutKey(input.judge) : undefined,
          judgeApiKey: sealedKey(input.judge?.apiKey, dependencies.instanceSecret()),
          // Scores of traces that settle from now on; older ones are a backfill's.
          scannedUntil: now,
        },
        select: evaluatorSelect,
      });
      if (input.judge) await upsertJudgeScoreConfig(tx, projectId, input.name, judgeScoreConfigOf(input.judge));
      if (input.jsonSchema)
        await tx.project.update({ where: { id: projectId }, data: { answerJsonSchema: input.jsonSchema as Prisma.InputJsonObject } });
      return created;
    });
    return (await viewsOf(database, projectId, [row], now))[0] ?? serializeEvaluator(row, noRuns, 0, null);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`An evaluator named ${input.name} already exists in this project`);
    throw error;
  }
}

/** Judge settings that change what a score means (a new series), as opposed to how it is fetched. */
function scoringChanged(before: StoredJudge | null, after: StoredJudge): boolean {
  return before === null || before.model !== after.model || before.rubric !== after.rubric || before.template !== after.template;
}

export async function updateEvaluator(
  database: Database,
  projectId: string,
  evaluatorId: string,
  update: EvaluatorUpdate,
  dependencies: EvaluatorDependencies,
  now: Date,
): Promise<EvaluatorView> {
  const row = await database.evaluator.findFirst({ where: { projectId, id: evaluatorId }, select: evaluatorSelect });
  if (!row) throw new NotFoundError(`No evaluator ${evaluatorId} in this project`);
  if (update.judge && row.kind !== "llm_judge") throw new BadRequestError("judge: only llm_judge evaluators take judge settings");
  if (update.jsonSchema !== undefined && row.kind !== "format")
    throw new BadRequestError("jsonSchema: only format evaluators take a jsonSchema");
  checkJsonSchema(update.jsonSchema, dependencies.checkAnswerJsonSchema);
  checkJudgeBaseUrl(update.judge, dependencies.checkJudgeBaseUrl);

  const data: Prisma.EvaluatorUpdateInput = {};
  if (update.samplingRate !== undefined) data.samplingRate = update.samplingRate;
  if (update.settleSeconds !== undefined) data.settleSeconds = update.settleSeconds;
  if (update.filter !== undefined) data.filter = update.filter;
  if (update.enabled !== undefined) {
    data.enabled = update.enabled;
    // Resuming clears a budget pause; pausing by hand is just enabled = false.
    if (update.enabled) data.pausedReason = null;
  }
  let bump = update.jsonSchema !== undefined;
  if (update.judge) {
    const next = withoutKey(update.judge);
    bump ||= scoringChanged(storedJudge(row), next);
    data.judge = next;
    if (update.judge.apiKey !== undefined) data.judgeApiKey = sealedKey(update.judge.apiKey, dependencies.instanceSecret());
  }
  if (bump) data.version = { increment: 1 };

  const updated = await database.$transaction(async (tx) => {
    const saved = await tx.evaluator.update({ where: { id: row.id }, data, select: evaluatorSelect });
    if (update.judge) await upsertJudgeScoreConfig(tx, projectId, row.name, judgeScoreConfigOf(update.judge));
    if (update.jsonSchema !== undefined) {
      await tx.project.update({
        where: { id: projectId },
        data: { answerJsonSchema: update.jsonSchema === null ? Prisma.DbNull : (update.jsonSchema as Prisma.InputJsonObject) },
      });
    }
    return saved;
  });
  return (await viewsOf(database, projectId, [updated], now))[0] ?? serializeEvaluator(updated, noRuns, 0, null);
}
