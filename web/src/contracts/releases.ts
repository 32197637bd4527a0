import { z } from "zod";
import { identifierSchema, timestampSchema } from "@/contracts/common";

/** The longest period a comparison reads (hour rollups for the whole hours inside). */
export const maxComparisonDays = 90;
const dayMs = 86_400_000;
export const comparisonRanges = { "24h": dayMs, "7d": 7 * dayMs, "30d": 30 * dayMs } as const;

export const releaseComparisonQuerySchema = z
  .object({
    baseline: identifierSchema.describe("The release label (traces' release) serving now"),
    candidate: identifierSchema.describe("The release label being tried"),
    range: z
      .enum(Object.keys(comparisonRanges) as [keyof typeof comparisonRanges, ...(keyof typeof comparisonRanges)[]])
      .default("7d")
      .describe("The period ending at `to` (or now) when from is not given"),
    from: timestampSchema.optional().describe("Period start (default: `range` before to)"),
    to: timestampSchema.optional().describe("Period end (default: now)"),
    candidateShare: z.coerce
      .number()
      .gt(0)
      .lt(1)
      .optional()
      .describe("The configured share of users on the candidate: checks the sample ratio (users per release) against it"),
    minSamples: z.coerce
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .default(100)
      .describe("Below this many observations in either release a metric is 'not enough data'"),
  })
  .strict()
  .refine((query) => query.baseline !== query.candidate, { message: "the candidate must differ from the baseline", path: ["candidate"] })
  .refine((query) => !query.from || !query.to || Date.parse(query.from) < Date.parse(query.to), {
    message: "from must be before to",
    path: ["to"],
  })
  .refine((query) => !query.from || !query.to || Date.parse(query.to) - Date.parse(query.from) <= maxComparisonDays * dayMs, {
    message: `A comparison may span at most ${maxComparisonDays} days`,
    path: ["to"],
  });
export type ReleaseComparisonQuery = z.infer<typeof releaseComparisonQuerySchema>;

/** The comparison's metrics besides scores (each numeric score is one more, as score:<name>). */
export const releaseMetricKeys = [
  "errorRate",
  "latencyP50Ms",
  "latencyP95Ms",
  "ttftP95Ms",
  "costPerRequestUsd",
  "thumbsDownRate",
  "averageRating",
] as const;

export const releaseVerdicts = ["better", "worse", "no_difference", "not_enough_data", "sample_ratio_mismatch"] as const;

/** An interval; a side is null while nothing bounds it yet (a p95 from 50 requests has no upper bound). */
const intervalSchema = z.object({ lower: z.number().nullable(), upper: z.number().nullable() }).strict();

const armSchema = z
  .object({
    n: z.number().int().describe("Observations: requests, rated answers, scored traces"),
    value: z.number().nullable(),
    ci: intervalSchema.nullable().describe("Always-valid (holds however often the comparison is looked at)"),
  })
  .strict();

export const releaseMetricComparisonSchema = z
  .object({
    key: z
      .string()
      .describe("errorRate, latencyP50Ms, latencyP95Ms, ttftP95Ms, costPerRequestUsd, thumbsDownRate, averageRating, score:<name>"),
    label: z.string(),
    unit: z.enum(["ms", "percent", "usd", "rating", "score"]),
    direction: z.enum(["higher_is_better", "lower_is_better"]),
    differenceOf: z
      .enum(["mean", "share_above_baseline_quantile"])
      .describe("A percentile metric compares the shares of each release above the baseline's percentile"),
    baseline: armSchema,
    candidate: armSchema,
    difference: z
      .object({
        estimate: z.number().describe("candidate - baseline"),
        ci: intervalSchema,
        relative: z
          .object({ estimate: z.number(), ci: intervalSchema })
          .strict()
          .nullable()
          .describe("candidate / baseline - 1; null when the baseline is 0"),
      })
      .strict()
      .nullable(),
    pValue: z.number().describe("Always-valid p-value of no difference"),
    adjustedPValue: z.number().describe("Holm-adjusted across the comparison's metrics; the verdict uses it"),
    verdict: z.enum(releaseVerdicts),
  })
  .strict();
export type ReleaseMetricComparison = z.infer<typeof releaseMetricComparisonSchema>;

export const releaseComparisonSchema = z
  .object({
    baseline: z.string(),
    candidate: z.string(),
    from: z.string(),
    to: z.string(),
    metrics: z.array(releaseMetricComparisonSchema),
    srm: z
      .object({
        units: z.object({ baseline: z.number().int(), candidate: z.number().int() }).strict().describe("Distinct users per release"),
        candidateShare: z.number(),
        pValue: z.number(),
        mismatch: z.boolean().describe("p < 0.001: the split is not what was configured; every verdict is withheld"),
      })
      .strict()
      .nullable()
      .describe("null unless candidateShare is given"),
  })
  .strict();
export type ReleaseComparison = z.infer<typeof releaseComparisonSchema>;
