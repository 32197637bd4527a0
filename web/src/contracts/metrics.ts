import { z } from "zod";
import { timestampSchema } from "@/contracts/common";
import { scoreDataTypes, scoreNameSchema } from "@/contracts/scores";

export const metricRanges = ["1h", "24h", "7d", "30d"] as const;
export const metricBreakdowns = ["model", "release", "promptVersion"] as const;

const metricsQueryFields = {
  range: z.enum(metricRanges).optional().describe("A preset ending now; ignored when from and to are given"),
  from: timestampSchema.optional().describe("Custom range start"),
  to: timestampSchema.optional().describe("Custom range end"),
  breakdown: z.enum(metricBreakdowns).optional().describe("Split every figure by model, release or prompt version"),
};

/** The range checks every metrics query shares (the figures and the score series). */
function withRangeChecks<Schema extends z.ZodType<{ from?: string | undefined; to?: string | undefined }>>(schema: Schema): Schema {
  return schema
    .refine((query) => (query.from === undefined) === (query.to === undefined), {
      message: "Give both from and to, or neither",
      path: ["from"],
    })
    .refine((query) => !query.from || !query.to || Date.parse(query.from) < Date.parse(query.to), {
      message: "from must be before to",
      path: ["to"],
    })
    .refine((query) => !query.from || !query.to || Date.parse(query.to) - Date.parse(query.from) <= 400 * 86_400_000, {
      message: "A custom range may span at most 400 days",
      path: ["to"],
    });
}

export const metricsQuerySchema = withRangeChecks(z.object(metricsQueryFields).strict());
export type MetricsQuery = z.infer<typeof metricsQuerySchema>;

const nullableMs = z.number().nullable();

export const metricFiguresSchema = z
  .object({
    requests: z.number().int(),
    errors: z.number().int(),
    errorRate: z.number().nullable().describe("errors / requests"),
    latencyP50Ms: nullableMs,
    latencyP95Ms: nullableMs,
    latencyP99Ms: nullableMs,
    ttftP50Ms: nullableMs,
    ttftP95Ms: nullableMs,
    costUsd: z.number(),
    costPerRequestUsd: z.number().nullable(),
    inputTokens: z.number().int(),
    outputTokens: z.number().int(),
    feedbackEvents: z.number().int().describe("Feedback events on these traces (volume)"),
    thumbsUp: z.number().int().describe("Traces whose latest thumb is up"),
    thumbsDown: z.number().int().describe("Traces whose latest thumb is down"),
    thumbsDownRate: z.number().nullable().describe("thumbsDown / (thumbsUp + thumbsDown)"),
    ratings: z.number().int().describe("Traces with a star rating"),
    averageRating: z.number().nullable().describe("Mean of each trace's latest rating, on a 5-point scale"),
    negativeTraces: z.number().int().describe("Traces with negative feedback: thumb down, rating <= 2/5, report, rephrase or regenerate"),
    negativeFeedbackRate: z.number().nullable().describe("negativeTraces / requests"),
  })
  .strict();
export type MetricFigures = z.infer<typeof metricFiguresSchema>;

/** One series per breakdown value: its totals and one point per step, each with the same figures. */
function seriesSchema<Shape extends z.ZodRawShape>(figures: z.ZodObject<Shape>) {
  const point = z.object({ ...figures.shape, t: z.string().describe("Point start") }).strict();
  return z.array(
    z
      .object({
        key: z.string().describe("The breakdown value, or 'all'"),
        totals: figures,
        points: z.array(point),
      })
      .strict(),
  );
}

export const metricsSchema = z
  .object({
    from: z.string().describe("Start of the range, aligned to the rollup granularity"),
    to: z.string(),
    granularity: z.enum(["minute", "hour", "day"]),
    stepSeconds: z.number().int().describe("Width of each point"),
    percentileAccuracy: z.number().describe("Percentiles are within this relative error of percentile_cont (on ms + 1)"),
    breakdown: z.enum(metricBreakdowns).nullable(),
    totals: metricFiguresSchema,
    series: seriesSchema(metricFiguresSchema),
  })
  .strict();
export type Metrics = z.infer<typeof metricsSchema>;

export const scoreMetricsQuerySchema = withRangeChecks(
  z
    .object({
      ...metricsQueryFields,
      name: scoreNameSchema
        .optional()
        .describe("The score to chart; default: the numeric or boolean score with the most data in the range"),
      threshold: z.coerce
        .number()
        .optional()
        .describe("Count scores this bad or worse (in the config's direction); default: the config's reviewThreshold"),
    })
    .strict(),
);
export type ScoreMetricsQuery = z.infer<typeof scoreMetricsQuerySchema>;

export const scoreFiguresSchema = z
  .object({
    count: z.number().int().describe("Traces scored (each trace's latest score of the name counts once)"),
    average: z.number().nullable().describe("Mean value; booleans as 0/1, so the share of true"),
    atOrWorse: z.number().nullable().describe("Scores as bad as the threshold or worse; fractional where a histogram bin is split"),
    atOrWorseShare: z.number().nullable().describe("atOrWorse / count"),
  })
  .strict();
export type ScoreFigures = z.infer<typeof scoreFiguresSchema>;

export const scoreMetricsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    granularity: z.enum(["minute", "hour", "day"]),
    stepSeconds: z.number().int(),
    breakdown: z.enum(metricBreakdowns).nullable(),
    names: z
      .array(z.object({ name: z.string(), dataType: z.enum(scoreDataTypes), count: z.number().int() }).strict())
      .describe("Score names with data in the range, most scored first"),
    score: z
      .object({
        name: z.string(),
        dataType: z.enum(scoreDataTypes),
        higherIsBetter: z.boolean(),
        threshold: z.number().nullable().describe("The threshold counted against; null: none configured or given"),
        min: z.number().nullable(),
        max: z.number().nullable(),
        totals: scoreFiguresSchema,
        series: seriesSchema(scoreFiguresSchema),
      })
      .strict()
      .nullable()
      .describe("null when no numeric or boolean score has data in the range"),
  })
  .strict();
export type ScoreMetrics = z.infer<typeof scoreMetricsSchema>;
