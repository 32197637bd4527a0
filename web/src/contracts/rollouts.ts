import { z } from "zod";
import { exactText, identifierSchema } from "@/contracts/common";
import { releaseMetricKeys } from "@/contracts/releases";

export const rolloutKeySchema = exactText(
  z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Use letters, digits, '.', '_' and '-'"),
).describe("The rollout's key, as the application asks for it");

/** A rollout under /api/v1/rollouts/{key} (the key's project) or /api/v1/projects/{projectId}/rollouts/{key}. */
export const rolloutParams = z
  .object({ projectId: z.uuid().optional().describe("The project's id (a key must belong to it)"), key: rolloutKeySchema })
  .strict();

export const defaultRolloutStages = [0.01, 0.05, 0.25, 0.5, 1] as const;
export const defaultMinDwellSeconds = 3_600;
export const defaultRolloutMinSamples = 100;
/** What the guard watches when a rollout names no guardrails: errors, users' thumbs and slow answers. */
export const defaultGuardrails = [
  { metric: "errorRate", maxRegression: 0.1 },
  { metric: "thumbsDownRate", maxRegression: 0.1 },
  { metric: "latencyP95Ms", maxRegression: 0.25 },
] as const;

const guardrailMetricSchema = z
  .string()
  .refine((metric) => (releaseMetricKeys as readonly string[]).includes(metric) || /^score:.{1,100}$/s.test(metric), {
    message: `Use one of ${releaseMetricKeys.join(", ")} or score:<name>`,
  })
  .describe("A metric of the release comparison: errorRate, latencyP95Ms, thumbsDownRate, ..., or score:<name>");

export const guardrailSchema = z
  .object({
    metric: guardrailMetricSchema,
    maxRegression: z
      .number()
      .min(0)
      .max(10)
      .describe(
        "The largest acceptable regression, relative to the baseline (0.1: 10 % worse). For a percentile it is the rise in the share of requests beyond the baseline's percentile (0.25: 6.25 % above the baseline's p95 instead of 5 %)",
      ),
  })
  .strict();
export type Guardrail = z.infer<typeof guardrailSchema>;

const stagesSchema = z
  .array(z.number().gt(0).max(1))
  .min(1)
  .max(20)
  .refine((stages) => stages.every((share, index) => index === 0 || share > (stages[index - 1] ?? 0)), {
    message: "Stages must increase: each share larger than the one before",
  })
  .refine((stages) => stages.at(-1) === 1, { message: "The last stage must be 1 (everybody on the candidate)" })
  .refine((stages) => stages.every((share) => Math.abs(share * 10_000 - Math.round(share * 10_000)) < 1e-9), {
    message: "Shares are set in steps of 0.0001 (0.01 %), the assignment's buckets",
  })
  .describe("Candidate shares, one per stage, increasing to 1 (default 0.01, 0.05, 0.25, 0.5, 1)");

export const rolloutInputSchema = z
  .object({
    key: rolloutKeySchema,
    baseline: identifierSchema.describe("The release serving now (traces' release)"),
    candidate: identifierSchema.describe("The release being rolled out"),
    stages: stagesSchema.default([...defaultRolloutStages]),
    minDwellSeconds: z
      .number()
      .int()
      .min(0)
      .max(30 * 86_400)
      .default(defaultMinDwellSeconds)
      .describe("The least time a stage lasts before the guard moves it on (default 1 hour)"),
    minSamples: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .default(defaultRolloutMinSamples)
      .describe("The least observations of each guardrail metric in each release before it counts, per stage"),
    guardrails: z
      .array(guardrailSchema)
      .min(1)
      .max(20)
      .default(defaultGuardrails.map((guardrail) => ({ ...guardrail })))
      .refine((guardrails) => new Set(guardrails.map((guardrail) => guardrail.metric)).size === guardrails.length, {
        message: "Name each metric once",
      })
      .describe("What must not regress; the default watches errorRate, thumbsDownRate and latencyP95Ms"),
    channels: z.array(z.uuid()).max(20).default([]).describe("Alert channels told when the guard rolls back, pauses or completes"),
  })
  .strict()
  .refine((input) => input.baseline !== input.candidate, { message: "the candidate must differ from the baseline", path: ["candidate"] });
export type RolloutInput = z.infer<typeof rolloutInputSchema>;

export const rolloutStates = ["running", "paused", "rolled_back", "completed"] as const;
export const rolloutActions = ["created", "advanced", "paused", "resumed", "rolled_back", "completed"] as const;
export type RolloutActionName = (typeof rolloutActions)[number];

/** What an application needs to split its users: served to public keys too, and cacheable. */
export const rolloutSplitSchema = z
  .object({
    key: z.string(),
    baseline: z.string(),
    candidate: z.string(),
    candidateShare: z.number().describe("Share of units on the candidate, 0..1"),
    salt: z.string().describe("Hash salt of the assignment (README, 'Release assignment')"),
    stage: z.number().int().describe("Index of the current stage in stages"),
    stages: z.array(z.number()),
    state: z.enum(rolloutStates),
  })
  .strict();
export type RolloutSplit = z.infer<typeof rolloutSplitSchema>;

export const assignQuerySchema = z
  .object({ unit: exactText(z.string().min(1).max(200)).describe("The user (or session) id to assign") })
  .strict();

export const assignmentSchema = z
  .object({
    release: z.string(),
    arm: z.enum(["baseline", "candidate"]),
    bucket: z.number().int().describe("The unit's bucket in 0..9999; candidate when bucket < candidateShare x 10 000"),
    candidateShare: z.number(),
  })
  .strict();

export const guardrailStatuses = ["holds", "breached", "inconclusive", "waiting"] as const;
export type GuardrailStatus = (typeof guardrailStatuses)[number];

const nullableInterval = z.object({ lower: z.number().nullable(), upper: z.number().nullable() }).strict();

export const guardrailCheckSchema = z
  .object({
    metric: z.string(),
    maxRegression: z.number(),
    status: z
      .enum(guardrailStatuses)
      .describe(
        "breached: worse by more than allowed, significantly; inconclusive: the estimate is past the limit but not significantly; waiting: too few samples",
      ),
    regression: z.number().nullable().describe("How much worse the candidate is, relative (negative: better); null without data"),
    regressionCi: nullableInterval.nullable().describe("Always-valid interval of the regression"),
    n: z.object({ baseline: z.number().int(), candidate: z.number().int() }).strict(),
  })
  .strict();
export type GuardrailCheck = z.infer<typeof guardrailCheckSchema>;

/** What the guard saw at one look, kept on the rollout and on each event it caused. */
export const rolloutCheckSchema = z
  .object({
    at: z.string(),
    from: z.string().describe("The period compared: since the current stage began"),
    to: z.string(),
    guardrails: z.array(guardrailCheckSchema),
    srm: z
      .object({
        units: z.object({ baseline: z.number().int(), candidate: z.number().int() }).strict(),
        pValue: z.number(),
        mismatch: z.boolean(),
      })
      .strict()
      .nullable()
      .describe("Users per release against the configured share; null when no traces name a user"),
    decision: z.enum(["wait", "advance", "pause", "rollback"]),
    reason: z.string(),
  })
  .strict();
export type RolloutCheck = z.infer<typeof rolloutCheckSchema>;

export const rolloutEventSchema = z
  .object({
    at: z.string(),
    action: z.enum(rolloutActions),
    actor: z.string(),
    fromShare: z.number(),
    toShare: z.number(),
    stage: z.number().int(),
    reason: z.string(),
    evidence: rolloutCheckSchema.nullable(),
  })
  .strict();
export type RolloutEvent = z.infer<typeof rolloutEventSchema>;

export const rolloutSchema = z
  .object({
    ...rolloutSplitSchema.shape,
    minDwellSeconds: z.number().int(),
    minSamples: z.number().int(),
    guardrails: z.array(guardrailSchema),
    channels: z.array(z.string()),
    stageStartedAt: z.string(),
    lastCheck: rolloutCheckSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();
export type Rollout = z.infer<typeof rolloutSchema>;

export const rolloutListSchema = z.object({ rollouts: z.array(rolloutSchema) }).strict();
export const rolloutHistorySchema = z.object({ events: z.array(rolloutEventSchema) }).strict();
