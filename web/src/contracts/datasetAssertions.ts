import { z } from "zod";
import { contentText, exactText } from "@/contracts/common";
import { checkAnswerJsonSchema } from "@/server/evaluation/builtin/formatAnswerSchema";
import { outputPatternProblem } from "@/server/datasets/runs/outputPattern";
import { builtinKindOfScore, runOutputScoreNames } from "@/server/evaluation/evaluatorScoreNames";

// What a regression run checks each output against. Declared per dataset; a dataset with
// none uses defaultAssertions. Anything that could only fail at check time (a regex that
// does not compile, a schema Ajv refuses) is refused here, at declaration.

export const datasetAssertionTypes = [
  "exact",
  "contains",
  "regex",
  "json_schema",
  "similarity",
  "judge",
  "pairwise",
  "score",
  "default",
] as const;
export type DatasetAssertionType = (typeof datasetAssertionTypes)[number];

/** The similarity an output needs to the expected output when a dataset declares nothing. */
export const defaultSimilarityThreshold = 0.85;

const regexFlags = /^(?!.*(.).*\1)[imsu]*$/;

const exactAssertion = z
  .object({
    type: z.literal("exact"),
    normalise: z.boolean().default(true).describe("Compare after trimming, collapsing whitespace and ignoring case (default true)"),
  })
  .strict()
  .describe("The output equals the expected output");

const containsAssertion = z
  .object({
    type: z.literal("contains"),
    text: contentText(10_000).min(1).describe("Text the output must contain"),
    caseSensitive: z.boolean().default(false),
  })
  .strict()
  .describe("The output contains a text");

const regexFields = z
  .object({
    type: z.literal("regex"),
    pattern: z
      .string()
      .min(1)
      .max(2_000)
      .describe("A regular expression the output must match (RE2 syntax, run in linear time: no lookaround or backreferences)"),
    flags: z.string().regex(regexFlags, "Use each of i, m, s, u at most once").default("").describe("Flags among i, m, s, u"),
  })
  .strict();

const regexAssertion = regexFields
  .superRefine((assertion, context) => {
    const problem = outputPatternProblem(assertion.pattern, assertion.flags);
    if (problem) context.addIssue({ code: "custom", path: ["pattern"], message: problem });
  })
  .describe("The output matches a regular expression");

const jsonSchemaFields = z
  .object({
    type: z.literal("json_schema"),
    schema: z
      .union([z.record(z.string(), z.unknown()), z.boolean()])
      .describe("A JSON Schema (draft 2020-12) the output, parsed as JSON, must satisfy"),
  })
  .strict();

const jsonSchemaAssertion = jsonSchemaFields
  .superRefine((assertion, context) => {
    const problem = checkAnswerJsonSchema(assertion.schema);
    if (problem) context.addIssue({ code: "custom", path: ["schema"], message: problem });
  })
  .describe("The output is JSON valid against a schema");

const similarityAssertion = z
  .object({
    type: z.literal("similarity"),
    threshold: z
      .number()
      .min(-1)
      .max(1)
      .default(defaultSimilarityThreshold)
      .describe("Least cosine similarity to the expected output (default 0.85)"),
  })
  .strict()
  .describe("The output means about the same as the expected output (the project's embedder)");

const judgeAssertion = z
  .object({
    type: z.literal("judge"),
    evaluator: exactText(z.string().trim().min(1).max(100)).describe("The name of the project's LLM-judge evaluator to ask"),
    minScore: z.number().min(0).max(1).default(0.5).describe("Least normalised judge score (0 to 1) that passes (default 0.5)"),
  })
  .strict()
  .describe("An LLM judge rates the output correct against the expected output");

const pairwiseAssertion = z
  .object({
    type: z.literal("pairwise"),
    evaluator: exactText(z.string().trim().min(1).max(100)).describe(
      "The project's LLM-judge evaluator whose endpoint, model and key compare the answers (its rubric is not used)",
    ),
    allowTie: z.boolean().default(true).describe("Whether a tie with the expected output passes (default true: not worse passes)"),
    bothOrders: z
      .boolean()
      .default(false)
      .describe(
        "Ask in both orders and count a choice that flips with the order as a tie (twice the calls; default: one look, order drawn at random)",
      ),
  })
  .strict()
  .describe("An LLM judge, shown the output and the expected output in random order, does not prefer the expected output");

const scoreFields = z
  .object({
    type: z.literal("score"),
    name: z
      .string()
      .describe(`A built-in evaluator's score name: ${runOutputScoreNames.join(", ")} (the evaluator must be enabled in the project)`),
    min: z.number().optional().describe("Least value that passes (booleans count as 0 and 1)"),
    max: z.number().optional().describe("Greatest value that passes (booleans count as 0 and 1; pii_leak with max 0: no leak)"),
  })
  .strict();

const scoreAssertion = scoreFields
  .superRefine((assertion, context) => {
    if (!runOutputScoreNames.includes(assertion.name)) {
      const message =
        builtinKindOfScore(assertion.name) === "faithfulness"
          ? `${assertion.name} needs retrieved passages, which run outputs do not have`
          : `not a built-in score name; use one of ${runOutputScoreNames.join(", ")}`;
      context.addIssue({ code: "custom", path: ["name"], message });
    }
    if (assertion.min === undefined && assertion.max === undefined)
      context.addIssue({ code: "custom", path: ["min"], message: "give min, max or both" });
    if (assertion.min !== undefined && assertion.max !== undefined && assertion.min > assertion.max)
      context.addIssue({ code: "custom", path: ["max"], message: `max ${assertion.max} is below min ${assertion.min}` });
  })
  .describe("A built-in evaluator's score of the output lies within bounds");

export const datasetAssertionSchema = z.discriminatedUnion("type", [
  exactAssertion,
  containsAssertion,
  regexAssertion,
  jsonSchemaAssertion,
  similarityAssertion,
  judgeAssertion,
  pairwiseAssertion,
  scoreAssertion,
]);

/**
 * Assertions as stored: their shape only, without what is checked at declaration (a
 * pattern RE2 compiles, a schema Ajv accepts, a built-in score name). Those can change
 * under a stored check (patterns declared before they ran on RE2 may use lookaround);
 * reading the dataset must not fail because of it (its page, its uploads). Such a check
 * is an error on each output, saying why (storedAssertionProblem), until declared again.
 */
export const storedDatasetAssertionSchema = z.discriminatedUnion("type", [
  exactAssertion,
  containsAssertion,
  regexFields,
  jsonSchemaFields,
  similarityAssertion,
  judgeAssertion,
  pairwiseAssertion,
  scoreFields,
]);
export type DatasetAssertion = z.infer<typeof datasetAssertionSchema>;

const assertionList = <T extends z.ZodType>(assertion: T) =>
  z
    .object({
      assertions: z
        .array(assertion)
        .max(20)
        .describe("All must pass. Empty: normalised exact match passes, otherwise similarity to the expected output >= 0.85"),
    })
    .strict();

export const datasetAssertionsSchema = assertionList(datasetAssertionSchema);
/** What GET answers: the list as stored (storedDatasetAssertionSchema). */
export const storedDatasetAssertionsSchema = assertionList(storedDatasetAssertionSchema);
export type DatasetAssertions = z.infer<typeof datasetAssertionsSchema>;
