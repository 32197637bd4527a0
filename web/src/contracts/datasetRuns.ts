import { z } from "zod";
import { contentText, exactText, identifierSchema, jsonObjectSchema } from "@/contracts/common";
import { chatMessageSchema, datasetAnswerSchema } from "@/contracts/chatMessage";
import { datasetNameSchema } from "@/contracts/datasets";
import { datasetAssertionTypes } from "@/contracts/datasetAssertions";
import { evaluatorKinds } from "@/contracts/evaluators";

// The regression gate's wire formats: the items of a published version a runner answers,
// the outputs it uploads (batched, resumable, idempotent per item), the gate verdict it
// records, and the run report with its comparison against a baseline run.

export const datasetRunNameSchema = exactText(
  z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:@/+-]*$/, "Use letters, digits and . _ : @ / + -"),
).describe("The run's name, unique in its dataset (e.g. a commit sha or CI build id); every upload under it appends to the same run");

export const datasetRunParams = z
  .object({
    projectId: z.uuid().optional().describe("The project's id (a key must belong to it)"),
    name: datasetNameSchema,
    run: datasetRunNameSchema,
  })
  .strict();

// --- The items a runner answers -------------------------------------------------------

export const datasetVersionParams = z
  .object({
    projectId: z.uuid().optional().describe("The project's id (a key must belong to it)"),
    name: datasetNameSchema,
    version: z
      .union([z.literal("latest"), z.coerce.number().int().min(1)])
      .describe("A published version number, or latest (the answer names the number to upload the run against)"),
  })
  .strict();

export const maxVersionItemsPage = 1_000;
export const datasetVersionItemsQuerySchema = z
  .object({
    cursor: z.coerce.number().int().min(0).optional().describe("nextCursor of the previous page; absent for the first page"),
    limit: z.coerce.number().int().min(1).max(maxVersionItemsPage).default(maxVersionItemsPage).describe("Items per page (at most 1 000)"),
  })
  .strict();

export const datasetVersionItemSchema = z
  .object({
    itemId: z.uuid().describe("The item's id, stable across versions; upload outputs under it (or under externalId)"),
    externalId: z.string().describe("The id the item was added with (yours, or the review item's)"),
    split: z.enum(["train", "test"]),
    input: z.array(chatMessageSchema).describe("The conversation to send to the candidate"),
    expectedOutput: datasetAnswerSchema.describe("The answer the candidate should give"),
    category: z.string().nullable(),
    severity: z.string().nullable().describe("critical marks items whose newly failing fails the gate"),
    metadata: jsonObjectSchema.nullable(),
  })
  .strict();
export type DatasetVersionItem = z.infer<typeof datasetVersionItemSchema>;

export const datasetVersionItemsSchema = z
  .object({
    dataset: datasetNameSchema,
    version: z.number().int().describe("The published version these items belong to"),
    itemCount: z.number().int().describe("Items in the version (all pages)"),
    items: z.array(datasetVersionItemSchema),
    nextCursor: z.number().int().nullable().describe("Pass as cursor for the next page; null on the last page"),
  })
  .strict();
export type DatasetVersionItems = z.infer<typeof datasetVersionItemsSchema>;

// --- Uploading outputs ----------------------------------------------------------------

export const maxRunOutputsPerRequest = 1_000;

export const datasetRunOutputSchema = z
  .object({
    itemId: identifierSchema.describe("The version item's itemId, or its externalId"),
    output: contentText(100_000).describe("The candidate's answer text (empty is allowed and fails)"),
  })
  .strict();
export type DatasetRunOutput = z.infer<typeof datasetRunOutputSchema>;

const runLabel = (what: string) => exactText(z.string().trim().min(1).max(200)).optional().describe(what);

/** The run's own fields, checked whole before any output (a bad one refuses the request). */
export const datasetRunEnvelopeSchema = z
  .object({
    name: datasetRunNameSchema,
    version: z.number().int().min(1).describe("The published version the outputs answer; every upload to a run names the same one"),
    release: runLabel("The candidate's release label"),
    model: runLabel("The candidate's model"),
    promptVersion: runLabel("The candidate's prompt version"),
    outputs: z
      .array(z.unknown())
      .min(1, "Send at least one output")
      .max(maxRunOutputsPerRequest, "Send at most 1 000 outputs per request")
      .describe("Each output is checked alone; see datasetRunOutputSchema"),
  })
  .strict();

/** The documented body (the envelope's outputs, each in full). */
export const datasetRunInputSchema = datasetRunEnvelopeSchema.extend({
  outputs: z.array(datasetRunOutputSchema).min(1).max(maxRunOutputsPerRequest),
});
export type DatasetRunInput = z.infer<typeof datasetRunInputSchema>;

// The answer to an upload is the shared batch answer (contracts/batch.ts): accepted and
// duplicates hold the itemId as sent; rejected holds { id, index, status, message } with
// 404 for an item not in the version, 409 for a second, different output for an item,
// 400 for an output that is not valid. 200 when none was rejected, else 207.

// --- Gate verdict -----------------------------------------------------------------------

export const datasetRunGateSchema = z
  .object({
    passed: z.boolean().describe("Whether the candidate passed the gate"),
    reason: contentText(2_000).describe("Why, in words a person reads in the console (e.g. which rule failed)"),
  })
  .strict();
export type DatasetRunGate = z.infer<typeof datasetRunGateSchema>;

export const datasetRunPatchSchema = z
  .object({
    gate: datasetRunGateSchema.describe("The gate's verdict; passed: true is refused (409) while the run is incomplete or has errors"),
  })
  .strict();

// --- The report -------------------------------------------------------------------------

export const datasetRunStatuses = ["complete", "incomplete", "errored"] as const;
export type DatasetRunStatus = (typeof datasetRunStatuses)[number];

export const datasetRunCountsSchema = z
  .object({
    total: z.number().int().describe("Items in the version"),
    evaluated: z.number().int().describe("Items with an output"),
    passed: z.number().int(),
    failed: z.number().int().describe("Outputs that failed an assertion"),
    errors: z.number().int().describe("Outputs an assertion could not check (e.g. the judge was unreachable)"),
    missing: z.number().int().describe("Items of the version without an output"),
  })
  .strict();
export type DatasetRunCounts = z.infer<typeof datasetRunCountsSchema>;

export const datasetRunSummarySchema = z
  .object({
    name: datasetRunNameSchema,
    dataset: datasetNameSchema,
    version: z.number().int(),
    release: z.string().nullable(),
    model: z.string().nullable(),
    promptVersion: z.string().nullable(),
    status: z
      .enum(datasetRunStatuses)
      .describe("errored: some output could not be checked; incomplete: some item has no output; complete otherwise"),
    passRate: z
      .number()
      .nullable()
      .describe("passed / total items of the version (missing and errored items count against it); null for an empty version"),
    counts: datasetRunCountsSchema,
    gate: datasetRunGateSchema.extend({ decidedAt: z.string() }).nullable().describe("The verdict recorded with PATCH, if any"),
    passing: z.boolean().describe("complete, no errors and a passed gate: only such runs become the default baseline of later runs"),
    createdAt: z.string(),
    updatedAt: z.string().describe("When the last output arrived or the gate was recorded"),
  })
  .strict();
export type DatasetRunSummary = z.infer<typeof datasetRunSummarySchema>;

export const datasetRunListSchema = z.object({ runs: z.array(datasetRunSummarySchema).describe("Newest first") }).strict();

export const assertionResultSchema = z
  .object({
    type: z.enum(datasetAssertionTypes).describe("The assertion checked"),
    passed: z.boolean().describe("false also when it could not be checked (see error)"),
    value: z.number().nullable().describe("The measured value where there is one (similarity, judge score)"),
    threshold: z.number().nullable().describe("The value it had to reach, where there is one"),
    message: z.string().nullable().describe("Why it failed, in words"),
    error: z.string().nullable().describe("Set when the assertion could not be checked (an evaluator error)"),
  })
  .strict();
export type AssertionResult = z.infer<typeof assertionResultSchema>;

export const diffPartSchema = z
  .object({
    op: z.enum(["equal", "insert", "delete"]).describe("insert: only in the output; delete: only in the expected output"),
    text: z.string(),
  })
  .strict();
export type DiffPart = z.infer<typeof diffPartSchema>;

export const runItemScoreSchema = z
  .object({
    name: z.string().describe("The score's name (e.g. pii_leak)"),
    evaluator: z.enum(evaluatorKinds).exclude(["llm_judge"]).describe("The built-in evaluator that gave it"),
    dataType: z.enum(["numeric", "boolean", "categorical"]),
    value: z.union([z.number(), z.boolean()]).nullable().describe("null when the evaluator failed (see error)"),
    category: z.string().nullable(),
    explanation: z.string().nullable().describe("Why, in words"),
    error: z
      .string()
      .nullable()
      .describe("Set when the evaluator failed on this output; only a score assertion on it makes the item an error"),
  })
  .strict()
  .describe("A score an enabled built-in evaluator of the project gave the output when it was uploaded");
export type RunItemScore = z.infer<typeof runItemScoreSchema>;

export const datasetRunItemStatuses = ["passed", "failed", "error"] as const;
export type DatasetRunItemStatus = (typeof datasetRunItemStatuses)[number];

export const datasetRunItemSchema = z
  .object({
    itemId: z.uuid(),
    externalId: z.string(),
    category: z.string().nullable(),
    severity: z.string().nullable(),
    status: z.enum(datasetRunItemStatuses),
    passed: z.boolean(),
    assertions: z.array(assertionResultSchema),
    scores: z.array(runItemScoreSchema).describe("The built-in evaluators' scores of the output (those that applied to it)"),
    output: z.string(),
    expectedOutput: z.string().describe("The expected answer's text"),
    diff: z.array(diffPartSchema).describe("Word diff of the output against the expected output (empty when they are equal)"),
  })
  .strict();
export type DatasetRunItem = z.infer<typeof datasetRunItemSchema>;

export const comparedItemSchema = z
  .object({ itemId: z.uuid(), externalId: z.string(), category: z.string().nullable(), severity: z.string().nullable() })
  .strict();

export const comparisonGroupSchema = z
  .object({
    value: z.string().nullable().describe("The category or severity (null: items without one)"),
    newlyFailing: z.number().int(),
    newlyPassing: z.number().int(),
    unchanged: z.number().int(),
  })
  .strict();

export const runScoreMeanSchema = z
  .object({
    name: z.string(),
    mean: z.number().describe("Mean over the run's items scored with this name (booleans as 0 and 1)"),
    count: z.number().int().describe("Items with a value of this score"),
  })
  .strict();
export type RunScoreMean = z.infer<typeof runScoreMeanSchema>;

export const scoreMeanChangeSchema = z
  .object({
    name: z.string(),
    mean: z.number().nullable().describe("This run's mean; null when no item of it has this score"),
    baselineMean: z.number().nullable().describe("The baseline run's mean; null when no item of it has this score"),
    difference: z.number().nullable().describe("mean - baselineMean; null when either is missing"),
  })
  .strict();
export type ScoreMeanChange = z.infer<typeof scoreMeanChangeSchema>;

export const datasetRunComparisonSchema = z
  .object({
    baseline: datasetRunNameSchema.describe("The run compared against"),
    baselineVersion: z.number().int(),
    newlyFailing: z.array(comparedItemSchema).describe("Passed in the baseline, not in this run (failed or error)"),
    newlyPassing: z.array(comparedItemSchema).describe("Did not pass in the baseline, passes now"),
    unchanged: z.number().int().describe("Items with the same outcome in both runs"),
    byCategory: z.array(comparisonGroupSchema),
    bySeverity: z.array(comparisonGroupSchema),
    scoreMeans: z
      .array(scoreMeanChangeSchema)
      .describe("Each numeric or boolean built-in score's run-level mean here and in the baseline (all items of each run)"),
  })
  .strict()
  .describe("Items with an output in both runs, matched by itemId; score means over each run's own items");
export type DatasetRunComparison = z.infer<typeof datasetRunComparisonSchema>;

export const datasetRunReportQuerySchema = z
  .object({
    baseline: datasetRunNameSchema
      .optional()
      .describe("Compare with this run; default: the latest passing run of the dataset created before this one"),
  })
  .strict();

export const datasetRunReportSchema = datasetRunSummarySchema
  .extend({
    missingItemIds: z.array(z.uuid()).describe("Items of the version without an output"),
    items: z.array(datasetRunItemSchema).describe("Every output, in the version's order"),
    scoreMeans: z.array(runScoreMeanSchema).describe("Each numeric or boolean built-in score's mean over the run's items, by name"),
    comparison: datasetRunComparisonSchema.nullable().describe("null when there is no baseline run"),
  })
  .strict();
export type DatasetRunReport = z.infer<typeof datasetRunReportSchema>;
