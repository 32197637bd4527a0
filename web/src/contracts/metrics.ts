import { z } from "zod";
import { timestampSchema } from "@/contracts/common";

export const metricRanges = ["1h", "24h", "7d", "30d"] as const;
export const metricBreakdowns = ["model", "release", "promptVersion"] as const;

export const metricsQuerySchema = z
  .object({
    range: z.enum(metricRanges).optional().describe("A preset ending now; ignored when from and to are given"),
    from: timestampSchema.optional().describe("Custom range start"),
    to: timestampSchema.optional().describe("Custom range end"),
    breakdown: z.enum(metricBreakdowns).optional().describe("Split every figure by model, release or prompt version"),
  })
  .strict()
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

export const metricsSchema = z
  .object({
    from: z.string().describe("Start of the range, aligned to the rollup granularity"),
    to: z.string(),
    granularity: z.enum(["minute", "hour", "day"]),
    stepSeconds: z.number().int().describe("Width of each point"),
    percentileAccuracy: z.number().describe("Percentiles are within this relative error of percentile_cont (on ms + 1)"),
    breakdown: z.enum(metricBreakdowns).nullable(),
    totals: metricFiguresSchema,
    series: z.array(
      z
        .object({
          key: z.string().describe("The breakdown value, or 'all'"),
          totals: metricFiguresSchema,
          points: z.array(metricFiguresSchema.extend({ t: z.string().describe("Point start") }).strict()),
        })
        .strict(),
    ),
  })
  .strict();
export type Metrics = z.infer<typeof metricsSchema>;
