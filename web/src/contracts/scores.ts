import { z } from "zod";
import { contentText, exactText, identifierSchema } from "@/contracts/common";

export const scoreLimits = { maxBodyBytes: 1024 * 1024, maxScores: 1000, maxCommentChars: 10_000 } as const;

export const scoreDataTypes = ["numeric", "boolean", "categorical"] as const;
export const scoreSources = ["api", "evaluator", "annotation"] as const;

/** Score names: what metrics, filters and alerts refer to them by. */
export const scoreNameSchema = exactText(
  z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, "letters, digits, _ . : - (starting with a letter or digit)"),
);

/** A score says a value (numbers, booleans) or a category, never both or neither. */
function valueOrCategory(score: { value?: unknown; category?: unknown }, ctx: z.RefinementCtx) {
  if ((score.value === undefined) === (score.category === undefined)) {
    ctx.addIssue({ code: "custom", path: ["value"], message: "send either value (number or boolean) or category" });
  }
}

export const scoreInputSchema = z
  .object({
    id: identifierSchema.optional().describe("Idempotency key: a score re-sent with the same id is stored once"),
    traceId: identifierSchema.describe("The trace scored; it must belong to the key's project"),
    spanId: identifierSchema.optional().describe("The span scored, when the score is about one step"),
    name: scoreNameSchema.describe("What is scored; the score config of this name fixes type, range and direction"),
    value: z.union([z.number(), z.boolean()]).optional().describe("A number (numeric scores) or true/false (boolean scores)"),
    category: exactText(z.string().trim().min(1).max(100)).optional().describe("The category (categorical scores)"),
    comment: contentText(scoreLimits.maxCommentChars).optional().describe("Why: shown beside the score in the trace view"),
  })
  .strict()
  .superRefine(valueOrCategory);
export type ScoreInput = z.infer<typeof scoreInputSchema>;

/** The envelope is checked first (count); each score is then checked and answered on its own. */
export const scoreBatchEnvelopeSchema = z
  .object({
    scores: z
      .array(z.unknown())
      .min(1, "Send at least one score")
      .max(scoreLimits.maxScores, `Send at most ${scoreLimits.maxScores} scores per request`),
  })
  .strict();

export const scoreBatchSchema = z.object({ scores: z.array(scoreInputSchema).min(1).max(scoreLimits.maxScores) }).strict();

export const scoreSchema = z
  .object({
    id: z.string(),
    traceId: z.string(),
    spanId: z.string().nullable(),
    name: z.string(),
    dataType: z.enum(scoreDataTypes),
    value: z.union([z.number(), z.boolean()]).nullable().describe("Number, or true/false for boolean scores; null for categorical"),
    category: z.string().nullable(),
    source: z.enum(scoreSources),
    evaluator: z.string().nullable().describe("The evaluator's name (evaluator scores)"),
    evaluatorVersion: z.number().int().nullable(),
    comment: z.string().nullable(),
    costUsd: z.number().nullable().describe("What producing the score cost (a judge's tokens)"),
    correctsScoreId: z.string().nullable().describe("The evaluator score this annotation corrects (corrections only)"),
    createdAt: z.string(),
  })
  .strict();
export type Score = z.infer<typeof scoreSchema>;

/** Score ids are derived from evaluator, version, trace and name, so they run longer than other identifiers. */
export const scoreIdSchema = exactText(z.string().trim().min(1).max(1000));

export const scoreCorrectionInputSchema = z
  .object({
    value: z
      .union([z.number(), z.boolean()])
      .optional()
      .describe("The right value: a number within the score's range (numeric scores) or true/false (boolean scores)"),
    category: exactText(z.string().trim().min(1).max(100)).optional().describe("The right category (categorical scores)"),
    comment: contentText(scoreLimits.maxCommentChars)
      .refine((text) => text.trim() !== "", "say why the score should be different")
      .describe("Why the evaluator's score is wrong: the judge reads it as the reasoning of a few-shot example"),
    useAsExample: z
      .boolean()
      .optional()
      .describe("Show this correction to the LLM judge as a few-shot example on its next runs (judge scores only; default false)"),
  })
  .strict()
  .superRefine(valueOrCategory);
export type ScoreCorrectionInput = z.infer<typeof scoreCorrectionInputSchema>;

export const scoreCorrectionSchema = scoreSchema
  .extend({
    correctsScoreId: z.string().describe("The evaluator score this corrects"),
    useAsExample: z.boolean().describe("Whether the judge is shown this correction as a few-shot example"),
    authorId: z.string().nullable().describe("The annotator (null once their account is gone)"),
    author: z.string().nullable().describe("The annotator's name, or email when they gave no name"),
  })
  .strict();
export type ScoreCorrection = z.infer<typeof scoreCorrectionSchema>;

export const scoreListQuerySchema = z
  .object({
    traceId: identifierSchema.describe("The trace whose scores to list"),
    name: scoreNameSchema.optional().describe("Only scores of this name"),
  })
  .strict();

export const scoreListSchema = z.object({ data: z.array(scoreSchema) }).strict();

export const scoreConfigSchema = z
  .object({
    name: scoreNameSchema,
    dataType: z.enum(scoreDataTypes),
    minValue: z.number().nullable().describe("Lowest value allowed (numeric); null: unbounded"),
    maxValue: z.number().nullable().describe("Highest value allowed (numeric); null: unbounded"),
    categories: z.array(z.string()).describe("Allowed categories (categorical)"),
    higherIsBetter: z.boolean().describe("Direction: charts, review routing and alerts read 'worse' from it"),
    reviewThreshold: z
      .number()
      .nullable()
      .describe("Traces scoring this bad or worse go to the review queue (booleans: 0 or 1, the bad value); null: never"),
    description: z.string().nullable(),
  })
  .strict();
export type ScoreConfig = z.infer<typeof scoreConfigSchema>;

export const scoreConfigInputSchema = z
  .object({
    dataType: z.enum(scoreDataTypes),
    minValue: z.number().nullable().optional(),
    maxValue: z.number().nullable().optional(),
    categories: z
      .array(exactText(z.string().trim().min(1).max(100)))
      .max(50)
      .optional(),
    higherIsBetter: z.boolean().optional(),
    reviewThreshold: z.number().nullable().optional(),
    description: contentText(2000).nullable().optional(),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (config.minValue != null && config.maxValue != null && config.minValue >= config.maxValue) {
      ctx.addIssue({ code: "custom", path: ["maxValue"], message: "must be greater than minValue" });
    }
    if (config.dataType === "categorical" && (config.categories ?? []).length < 2) {
      ctx.addIssue({ code: "custom", path: ["categories"], message: "a categorical score needs at least two categories" });
    }
    if (config.dataType !== "categorical" && (config.categories ?? []).length > 0) {
      ctx.addIssue({ code: "custom", path: ["categories"], message: "only categorical scores have categories" });
    }
  });

export type ScoreConfigInput = z.infer<typeof scoreConfigInputSchema>;

export const scoreConfigListSchema = z.object({ data: z.array(scoreConfigSchema) }).strict();
