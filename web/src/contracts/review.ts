import { z } from "zod";
import { contentText, exactText, normaliseText, timestampSchema, uuidParam } from "@/contracts/common";
import { datasetNameSchema } from "@/contracts/datasets";

export const reviewReasons = ["report", "thumbs_down", "low_rating", "low_score", "rephrase", "sampled_positive", "drift"] as const;
export const reviewStatuses = ["open", "in_review", "done", "dismissed"] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];
export const severities = ["low", "medium", "high", "critical"] as const;
export const annotationDecisions = ["corrected_failure", "good_example", "dismiss"] as const;

export const defaultFailureCategories = [
  "hallucination",
  "misinterpretation",
  "lack_of_knowledge",
  "unsafe_or_toxic",
  "pii_leak",
  "formatting",
  "refusal",
  "other",
];

export const reviewRulesSchema = z
  .object({
    thumbsDown: z.boolean().describe("Queue every thumbs-down"),
    ratingThreshold: z.number().min(1).max(5).nullable().describe("Queue ratings at or below this many stars of 5; null: off"),
    reports: z.boolean().describe("Queue every report"),
    rephrases: z.boolean().describe("Queue answers the user rephrased their question after"),
    lowScores: z.boolean().describe("Queue traces with a score at or past its score config's review threshold"),
    positiveSampleRate: z.number().min(0).max(1).describe("Share of positive feedback queued as a sample (0.05 = 5%)"),
    annotationsPerItem: z.number().int().min(1).max(5).describe("Independent annotations each item needs"),
    failureCategories: z
      .array(exactText(z.string().trim().min(1).max(60)))
      .min(1)
      .max(30)
      .describe("The failure taxonomy annotators choose from"),
    maxNewItemsPerHour: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .describe("At most this many new review items an hour; feedback on further traces that hour is stored but not queued"),
  })
  .strict();
export type ReviewRuleSet = z.infer<typeof reviewRulesSchema>;
export const reviewRulesUpdateSchema = reviewRulesSchema.partial().strict();

export const reviewItemListQuerySchema = z
  .object({
    status: z.enum(reviewStatuses).optional(),
    traceId: exactText(z.string().max(200)).optional(),
    reason: z.enum(reviewReasons).optional(),
    category: exactText(z.string().max(60)).optional().describe("Items with an annotation in this failure category"),
    cluster: z.uuid().optional().describe("Items of one cluster of similar prompts"),
    model: exactText(z.string().max(500)).optional().describe("Items whose trace used this model"),
    release: exactText(z.string().max(500)).optional().describe("Items whose trace came from this release"),
    from: timestampSchema.optional().describe("Queued at or after"),
    to: timestampSchema.optional().describe("Queued before"),
    sort: z.enum(["priority", "age"]).default("priority").describe("priority (highest first) or age (oldest first)"),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ReviewItemListQuery = z.infer<typeof reviewItemListQuerySchema>;

export const annotationSchema = z
  .object({
    id: z.string(),
    annotatorId: z.string(),
    annotatorEmail: z.string(),
    category: z.string().nullable().describe("The failure category; null for a good example or a dismissed item without one"),
    severity: z.enum(severities),
    correctedResponse: z.string().nullable(),
    notes: z.string().nullable(),
    decision: z.enum(annotationDecisions),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();
export type AnnotationView = z.infer<typeof annotationSchema>;

export const lowScoreSchema = z
  .object({
    name: z.string().describe("The score's name (relevance, toxicity, ...)"),
    value: z.union([z.number(), z.boolean()]).describe("Its value: a number, or true/false for boolean scores"),
  })
  .strict();
export type LowScore = z.infer<typeof lowScoreSchema>;

export const reviewItemSchema = z
  .object({
    id: z.string(),
    traceId: z.string(),
    status: z.enum(reviewStatuses),
    reasons: z.array(z.enum(reviewReasons)).describe("Why it is in the queue, worst first"),
    lowScores: z.array(lowScoreSchema).describe("The scores that sent it to review (reason low_score), in the order they were routed"),
    priority: z.number().int().describe("Higher is reviewed first: severity x 1000 + cluster size"),
    clusterId: z.string().nullable().describe("The cluster of near-duplicate negative prompts it belongs to"),
    clusterSize: z.number().int().describe("Negatively rated items with a near-duplicate prompt, this one included"),
    leasedBy: z.string().nullable().describe("Who is reviewing it now"),
    adjudicatedCategory: z
      .string()
      .nullable()
      .describe("The category an owner or admin settled on when annotators disagreed (null: none, or no failure)"),
    adjudicatedAt: z.string().nullable().describe("When an owner or admin settled the disagreement; null while unsettled"),
    leaseExpiresAt: z.string().nullable(),
    createdAt: z.string(),
    annotations: z.array(annotationSchema),
  })
  .strict();
export type ReviewItemView = z.infer<typeof reviewItemSchema>;
export const reviewItemListSchema = z.object({ data: z.array(reviewItemSchema) }).strict();

export const maxCorrectionChars = 100_000;

export const annotationInputSchema = z
  .object({
    category: exactText(z.string().trim().min(1).max(60))
      .optional()
      .describe("One of the project's failure categories; required for a corrected failure, optional otherwise"),
    severity: z.enum(severities),
    correctedResponse: z
      .string()
      .max(maxCorrectionChars, "A correction may be at most 100 000 characters")
      .overwrite(normaliseText)
      .optional(),
    notes: contentText(10_000).optional(),
    decision: z.enum(annotationDecisions).describe("corrected_failure and good_example add the item to the dataset"),
    datasetName: datasetNameSchema.optional().describe("Dataset the example goes to (default: golden)"),
  })
  .strict()
  // A good example or a dismissed item has no failure to name, so only a corrected failure needs a category.
  .refine((input) => input.decision !== "corrected_failure" || input.category !== undefined, {
    message: "A corrected failure needs a failure category",
    path: ["category"],
  })
  .refine((input) => input.decision !== "corrected_failure" || (input.correctedResponse ?? "").trim() !== "", {
    message: "A corrected failure needs the corrected response",
    path: ["correctedResponse"],
  });
export type AnnotationInput = z.infer<typeof annotationInputSchema>;

export const claimedItemSchema = z
  .object({ id: z.string(), leaseExpiresAt: z.string().describe("Renew before this (POST .../lease) or the item returns to the queue") })
  .strict();

export const reviewItemParams = z
  .object({ projectId: uuidParam.describe("The project's id"), itemId: uuidParam.describe("The review item's id") })
  .strict();
export const leaseSchema = z.object({ leaseExpiresAt: z.string() }).strict();
export const annotationResultSchema = z.object({ status: z.enum(reviewStatuses) }).strict();

export const claimQuerySchema = z
  .object({
    exclude: z
      .string()
      .max(4_000)
      .optional()
      .transform((value) => (value ? value.split(",") : []))
      .pipe(z.array(z.uuid()).max(100))
      .describe("Comma-separated ids of items the annotator skipped in this session"),
  })
  .strict();

export const adjudicationSchema = z
  .object({
    category: exactText(z.string().trim().min(1).max(60))
      .nullable()
      .describe("The failure category that stands; null: the answer had no failure (a good example or a dismissal stands)"),
  })
  .strict();

export const adjudicationResultSchema = z
  .object({ adjudicatedCategory: z.string().nullable().describe("The category that stands; null: no failure") })
  .strict();
