import { z } from "zod";
import { identifierSchema, keyOrProjectParams, timestampSchema, uuidParam } from "@/contracts/common";

export const driftLimits = {
  /** Points a baseline keeps: a larger dataset or range is sampled (seeded) down to this. */
  maxBaselinePoints: 20_000,
  /** Live points a run judges: a busier window is sampled (seeded) down to this. */
  maxLivePoints: 10_000,
  /** A baseline from traffic, or a run asked for, spans at most this many days. */
  maxRangeDays: 90,
} as const;

export const driftFields = ["input", "output"] as const;
export const driftVerdicts = ["not_enough_data", "no_drift", "warning", "drift"] as const;
export type DriftVerdict = (typeof driftVerdicts)[number];
export const driftRunStatuses = ["queued", "running", "done", "failed"] as const;
export const driftWindows = ["hour", "day", "custom"] as const;

/** The built-in offline embedders; `app:<model>` names vectors the application sends with its traces. */
export const builtinDriftEmbedders = ["lexstyle-v1", "glove-sif-100d-v1"] as const;
export const defaultDriftEmbedder = "lexstyle-v1";

const embedderSchema = identifierSchema
  .refine(
    (id) => (builtinDriftEmbedders as readonly string[]).includes(id) || /^app:.+/.test(id),
    `must be ${builtinDriftEmbedders.join(" or ")}, or app:<model> for the vectors the application sends`,
  )
  .describe(`${builtinDriftEmbedders.join(" (default) or ")}, or app:<model> (vectors sent with traces)`);

export const driftThresholdsSchema = z
  .object({
    pValue: z.number().gt(0).lt(1).default(0.01).describe("Histogram drift when the permutation p-value is below this (default 0.01)"),
    minCorrectedJsDistance: z
      .number()
      .min(0)
      .max(1)
      .default(0.05)
      .describe(
        "... and the bias-corrected JS distance is at least this (default 0.05): large windows make trivial differences significant",
      ),
    centroidPValue: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.005)
      .describe("Warning when the mean-vector permutation p-value is below this (default 0.005)"),
    minLiveCount: z.number().int().min(10).max(100_000).default(100).describe("Fewer live points: not enough data (default 100)"),
    lowConfidenceBelow: z
      .number()
      .int()
      .min(10)
      .max(100_000)
      .default(200)
      .describe("Windows from minLiveCount up to this get a verdict flagged as low confidence (default 200)"),
    consecutive: z
      .number()
      .int()
      .min(1)
      .max(24)
      .default(2)
      .describe("Scheduled windows in a row that must agree before the status changes (default 2)"),
  })
  .strict()
  .refine((thresholds) => thresholds.lowConfidenceBelow >= thresholds.minLiveCount, {
    message: "must be at least minLiveCount",
    path: ["lowConfidenceBelow"],
  });
export type DriftThresholds = z.infer<typeof driftThresholdsSchema>;

const rangeRefinements = (range: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) => {
  if (range.from === undefined || range.to === undefined) return;
  const span = Date.parse(range.to) - Date.parse(range.from);
  if (span <= 0) ctx.addIssue({ code: "custom", path: ["to"], message: "to must be after from" });
  else if (span > driftLimits.maxRangeDays * 86_400_000)
    ctx.addIssue({ code: "custom", path: ["to"], message: `at most ${driftLimits.maxRangeDays} days` });
};

export const driftBaselineInputSchema = z
  .object({
    name: identifierSchema.describe("Unique in the project"),
    dataset: identifierSchema.optional().describe("A golden dataset's name: its published version is the baseline"),
    version: z
      .union([z.number().int().min(1), z.literal("latest")])
      .optional()
      .describe('The dataset version (default "latest")'),
    from: timestampSchema.optional().describe("Or a stretch of traffic: traces that started at or after this time"),
    to: timestampSchema.optional().describe("... and before this time"),
    field: z.enum(driftFields).default("input").describe("Compare the prompts (input, default) or the answers (output)"),
    embedder: embedderSchema.default(defaultDriftEmbedder),
    thresholds: driftThresholdsSchema.optional(),
    hourly: z.boolean().default(true).describe("Judge every hour of traffic (default true)"),
    daily: z.boolean().default(true).describe("Judge every day of traffic (default true)"),
  })
  .strict()
  .superRefine((input, ctx) => {
    const fromDataset = input.dataset !== undefined;
    const fromTraffic = input.from !== undefined || input.to !== undefined;
    if (fromDataset === fromTraffic)
      ctx.addIssue({ code: "custom", path: ["dataset"], message: "give either a dataset (and version) or a time range (from and to)" });
    if (fromTraffic && (input.from === undefined || input.to === undefined))
      ctx.addIssue({
        code: "custom",
        path: [input.from === undefined ? "from" : "to"],
        message: "a traffic baseline needs both from and to",
      });
    if (!fromDataset && input.version !== undefined)
      ctx.addIssue({ code: "custom", path: ["version"], message: "a version goes with a dataset" });
    if (fromDataset && input.embedder.startsWith("app:"))
      ctx.addIssue({
        code: "custom",
        path: ["embedder"],
        message: "dataset items carry no application vectors: choose a built-in embedder, or a traffic baseline",
      });
    rangeRefinements(input, ctx);
  });
export type DriftBaselineInput = z.infer<typeof driftBaselineInputSchema>;

export const driftBaselineSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    source: z.enum(["dataset", "traffic"]),
    dataset: z.string().nullable().describe("The dataset's name (null when it was deleted since)"),
    version: z.number().int().nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    field: z.enum(driftFields),
    embedder: z.string(),
    dimensions: z.number().int(),
    points: z.number().int().describe("Texts embedded; half fit the clusters, half make the reference histogram"),
    clusters: z.number().int(),
    thresholds: driftThresholdsSchema,
    hourly: z.boolean(),
    daily: z.boolean(),
    createdAt: z.string(),
  })
  .strict();
export type DriftBaselineView = z.infer<typeof driftBaselineSchema>;
export const driftBaselineListSchema = z.object({ data: z.array(driftBaselineSchema) }).strict();

export const driftRunRequestSchema = z
  .object({
    baseline: identifierSchema.describe("The baseline's id or name"),
    from: timestampSchema.describe("Live traces that started at or after this time"),
    to: timestampSchema.describe("... and before this time"),
  })
  .strict()
  .superRefine(rangeRefinements);
export type DriftRunRequest = z.infer<typeof driftRunRequestSchema>;
export const driftRunStartedSchema = z.object({ id: z.string() }).strict();

const share = z.number().min(0).max(1);

export const driftExampleSchema = z
  .object({
    traceId: z.string(),
    text: z.string().describe("The prompt (or answer), shortened"),
    novelty: z.number().describe("1 - cosine to the nearest cluster centre"),
  })
  .strict();

export const driftClusterSchema = z
  .object({
    bin: z.number().int(),
    kind: z.enum(["cluster", "novel", "empty"]).describe("A cluster of the baseline, points far from all of them, or empty texts"),
    keywords: z.array(z.string()).describe("Its most distinctive words"),
    baselineShare: share,
    liveShare: share,
    contribution: z.number().describe("Its part of the JS divergence (bits): what sorts the list"),
    baselineExamples: z.array(z.string()).describe("Its most typical baseline texts"),
    liveExamples: z.array(driftExampleSchema).describe("Its most typical live texts"),
  })
  .strict();

export const driftLanguageShareSchema = z.object({ code: z.string(), label: z.string(), baselineShare: share, liveShare: share }).strict();

// Null where a side has no texts.
export const textShapeSchema = z
  .object({
    count: z.number().int(),
    meanLength: z.number().nullable().describe("Characters (code points)"),
    medianLength: z.number().nullable(),
    p90Length: z.number().nullable(),
    meanWords: z.number().nullable(),
    emojiShare: share.nullable().describe("Texts with at least one emoji"),
    nonAsciiShare: share.nullable().describe("Characters outside ASCII"),
    urlShare: share.nullable().describe("Texts with a link"),
    questionShare: share.nullable().describe("Texts ending with a question mark"),
  })
  .strict();

export const driftRunResultSchema = z
  .object({
    liveCount: z.number().int(),
    baselineCount: z.number().int().describe("The held-out half of the baseline the histogram compares with"),
    lowConfidence: z.boolean().describe("Fewer than 200 live points: the figures are shaky"),
    jsDistance: z.number().describe("Jensen-Shannon distance, base 2, in [0, 1]"),
    jsDistanceCorrected: z.number().describe("JS distance less what sampling alone gives (permutation mean)"),
    klDivergence: z.number().describe("KL(live || baseline) in bits, counts smoothed by 0.5"),
    novelShare: share.describe("Live points farther from every cluster than 95 % of the baseline's"),
    pValue: z.number().describe("Permutation test of the cluster histograms"),
    centroidPValue: z.number().describe("Permutation test of the distance between mean vectors"),
    verdict: z.enum(driftVerdicts),
    skipped: z
      .object({
        withoutText: z.number().int().describe("Traces whose field holds no text"),
        withoutVector: z.number().int().describe("Traces without a vector of the baseline's embedder"),
        sampledOut: z
          .number()
          .int()
          .describe(`Traces over the ${driftLimits.maxLivePoints.toLocaleString("en")} a run samples`),
      })
      .strict(),
    clusters: z.array(driftClusterSchema).describe("Sorted by contribution to the divergence"),
    examples: z.array(driftExampleSchema).describe("Novel live texts, farthest from the baseline first"),
    languages: z.array(driftLanguageShareSchema),
    shape: z.object({ baseline: textShapeSchema, live: textShapeSchema }).strict(),
  })
  .strict();
export type DriftRunResult = z.infer<typeof driftRunResultSchema>;

export const driftRunSchema = z
  .object({
    id: z.string(),
    baselineId: z.string(),
    window: z.enum(driftWindows),
    from: z.string(),
    to: z.string(),
    status: z.enum(driftRunStatuses),
    progress: z.number().min(0).max(1),
    verdict: z.enum(driftVerdicts).nullable(),
    liveCount: z
      .number()
      .int()
      .nullable()
      .describe("Live points judged (below the minimum the verdict is not_enough_data and no figures are given)"),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    result: driftRunResultSchema.optional(),
  })
  .strict();
export type DriftRunView = z.infer<typeof driftRunSchema>;

export const driftRunListQuerySchema = z
  .object({
    baseline: identifierSchema.describe("The baseline's id or name"),
    from: timestampSchema.optional().describe("Runs whose window starts at or after this time (default: 72 hours ago)"),
    to: timestampSchema.optional().describe("... and before this time (default: now)"),
    window: z.enum(driftWindows).optional().describe("Only hourly, daily or on-demand runs"),
  })
  .strict();
export const driftRunListSchema = z.object({ data: z.array(driftRunSchema).describe("Oldest first") }).strict();

export const driftMapPointSchema = z
  .object({
    x: z.number(),
    y: z.number(),
    side: z.enum(["baseline", "live"]),
    text: z.string(),
    traceId: z.string().nullable(),
  })
  .strict();
export const driftMapSchema = z.object({ points: z.array(driftMapPointSchema) }).strict();
export type DriftMap = z.infer<typeof driftMapSchema>;

export const driftRunParams = keyOrProjectParams.extend({ runId: uuidParam.describe("The run's id") }).strict();

export const driftExamplesActionSchema = z
  .object({
    traceIds: z.array(identifierSchema).min(1).max(200).describe("Live traces of the run (its examples or a cluster's)"),
  })
  .strict();
export const driftReviewResultSchema = z
  .object({
    added: z.number().int().describe("Traces that entered the review queue"),
    alreadyQueued: z.number().int().describe("Traces that were in the queue already (the drift reason is added to them)"),
  })
  .strict();

export const driftDatasetActionSchema = driftExamplesActionSchema
  .extend({ dataset: identifierSchema.describe("The golden dataset's name (made on first use)") })
  .strict();
export const driftDatasetResultSchema = z
  .object({
    added: z.number().int().describe("New working items (the answer each trace got, to be checked before publishing)"),
    duplicates: z.number().int().describe("Traces added from drift before"),
    rejected: z
      .array(z.object({ traceId: z.string(), message: z.string() }).strict())
      .describe("Traces that do not make an example (no question, or no answer to start from)"),
  })
  .strict();
