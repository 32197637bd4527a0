import { z } from "zod";
import { exactText, identifierSchema, keyOrProjectParams, timestampSchema, uuidParam } from "@/contracts/common";
import { judgeRubricNames, judgeSettingsSchema } from "@/contracts/judge";
import { scoreNameSchema } from "@/contracts/scores";

export const evaluatorKinds = ["pii_leak", "toxicity", "faithfulness", "relevance", "refusal", "format", "llm_judge"] as const;
export type EvaluatorKind = (typeof evaluatorKinds)[number];
/** The evaluators that need no LLM. */
export type BuiltinKind = Exclude<EvaluatorKind, "llm_judge">;

export const evaluatorLimits = { maxSettleSeconds: 24 * 3600, maxBackfillDays: 90 } as const;

const filterValue = exactText(z.string().trim().min(1).max(200));
export const evaluatorFilterSchema = z
  .object({
    model: filterValue.optional().describe("Only traces of this model"),
    release: filterValue.optional().describe("Only traces of this release"),
    promptVersion: filterValue.optional().describe("Only traces of this prompt version"),
    hasRetrieval: z.boolean().optional().describe("Only traces with (true) or without (false) retrieval spans"),
  })
  .strict();
export type EvaluatorFilter = z.infer<typeof evaluatorFilterSchema>;

const samplingRate = z.number().min(0).max(1).describe("Share of traces scored (0..1), chosen by a hash of the trace id");
const settleSeconds = z
  .number()
  .int()
  .min(0)
  .max(evaluatorLimits.maxSettleSeconds)
  .describe("Seconds without new spans before a trace is scored (default 120)");
const jsonSchema = z
  .record(z.string(), z.unknown())
  .describe("format only: the JSON Schema answers must match (the project's answer schema)");

export const evaluatorInputSchema = z
  .object({
    name: scoreNameSchema.describe("Unique in the project; a judge's scores carry this name"),
    kind: z.enum(evaluatorKinds),
    enabled: z.boolean().optional().describe("Default true"),
    samplingRate: samplingRate.optional(),
    settleSeconds: settleSeconds.optional(),
    filter: evaluatorFilterSchema.optional(),
    judge: judgeSettingsSchema.optional().describe("llm_judge only: the OpenAI-compatible endpoint and rubric"),
    jsonSchema: jsonSchema.optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.kind === "llm_judge" && !input.judge)
      ctx.addIssue({ code: "custom", path: ["judge"], message: "an llm_judge evaluator needs judge settings" });
    if (input.kind !== "llm_judge" && input.judge)
      ctx.addIssue({ code: "custom", path: ["judge"], message: "only llm_judge evaluators take judge settings" });
    if (input.kind !== "format" && input.jsonSchema)
      ctx.addIssue({ code: "custom", path: ["jsonSchema"], message: "only format evaluators take a jsonSchema" });
  });
export type EvaluatorInput = z.infer<typeof evaluatorInputSchema>;

export const evaluatorUpdateSchema = z
  .object({
    enabled: z.boolean().optional().describe("false pauses it; true resumes it (clearing a budget pause)"),
    samplingRate: samplingRate.optional(),
    settleSeconds: settleSeconds.optional(),
    filter: evaluatorFilterSchema.optional(),
    judge: judgeSettingsSchema.optional().describe("Replaces the judge settings; without apiKey the stored key is kept"),
    jsonSchema: jsonSchema.nullable().optional(),
  })
  .strict();
export type EvaluatorUpdate = z.infer<typeof evaluatorUpdateSchema>;

export const evaluatorSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(evaluatorKinds),
    enabled: z.boolean(),
    pausedReason: z.string().nullable().describe("Why it paused itself (its daily budget spent)"),
    samplingRate: z.number(),
    settleSeconds: z.number().int(),
    filter: evaluatorFilterSchema,
    version: z.number().int().describe("Bumped when what it scores changes; each version is its own score series"),
    scoreNames: z.array(z.string()).describe("The names of the scores it gives"),
    judge: z
      .object({
        baseUrl: z.string(),
        model: z.string(),
        rubric: z.enum(judgeRubricNames).nullable(),
        template: z.string().nullable(),
        dailyBudgetUsd: z.number().nullable(),
        timeoutSeconds: z.number().nullable(),
        maxAttempts: z.number().int().nullable(),
        hasApiKey: z.boolean().describe("A key is stored (it is never sent back)"),
      })
      .strict()
      .nullable(),
    jsonSchema: jsonSchema.nullable().describe("format only: the project's answer schema that answers must match; null when there is none"),
    counts: z
      .object({ pending: z.number().int(), scored: z.number().int(), skipped: z.number().int(), failed: z.number().int() })
      .strict()
      .describe("Traces of the current version by outcome"),
    spentTodayUsd: z.number().describe("What its judge spent today (UTC)"),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();
export type EvaluatorView = z.infer<typeof evaluatorSchema>;

export const evaluatorListSchema = z.object({ data: z.array(evaluatorSchema) }).strict();

export const evaluatorParams = keyOrProjectParams.extend({ evaluatorId: uuidParam.describe("The evaluator's id") });

export const backfillRequestSchema = z
  .object({
    from: timestampSchema.describe("Score traces that started at or after this time"),
    to: timestampSchema.describe("... and before this time"),
  })
  .strict()
  .refine((range) => Date.parse(range.from) < Date.parse(range.to), { message: "from must be before to", path: ["to"] })
  .refine((range) => Date.parse(range.to) - Date.parse(range.from) <= evaluatorLimits.maxBackfillDays * 86_400_000, {
    message: `at most ${evaluatorLimits.maxBackfillDays} days at once`,
    path: ["to"],
  });

export const backfillSchema = z
  .object({
    id: z.string(),
    evaluatorId: z.string(),
    from: z.string(),
    to: z.string(),
    status: z.enum(["running", "done", "failed"]),
    total: z.number().int().describe("Traces in the range that the evaluator's filter and sampling select"),
    queued: z.number().int(),
    scored: z.number().int(),
    failed: z.number().int(),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .strict();
export type BackfillView = z.infer<typeof backfillSchema>;
export const backfillStartedSchema = backfillSchema.extend({
  jobId: z.string().describe("The job that queues the traces; see Settings > Jobs"),
});
export const backfillListSchema = z.object({ data: z.array(backfillSchema) }).strict();

export const judgeCallSchema = z
  .object({
    id: z.string(),
    evaluatorId: z.string(),
    traceId: z.string(),
    scoreId: z.string().nullable().describe("The score this call produced, when it produced one"),
    attempt: z.number().int(),
    prompt: z.unknown().describe("The model, response format and messages sent"),
    response: z.string().nullable(),
    httpStatus: z.number().int().nullable(),
    error: z.string().nullable(),
    inputTokens: z.number().int().nullable(),
    outputTokens: z.number().int().nullable(),
    costUsd: z.number().nullable(),
    latencyMs: z.number().int(),
    startedAt: z.string(),
  })
  .strict();
export const judgeCallListSchema = z.object({ data: z.array(judgeCallSchema) }).strict();
export const judgeCallQuerySchema = z.object({ traceId: identifierSchema.describe("The trace the judge scored") }).strict();
