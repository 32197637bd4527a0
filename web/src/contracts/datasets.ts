import { z } from "zod";
import { exactText, identifierSchema, jsonObjectSchema, storableJson } from "@/contracts/common";
import { chatMessageSchema, datasetAnswerSchema, exampleIssues } from "@/contracts/chatMessage";

export const datasetNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Use letters, digits, '.', '_' and '-'")
  .describe("The dataset's name");
/** A dataset under /api/v1/datasets/{name} (the key's project) or /api/v1/projects/{projectId}/datasets/{name}. */
export const datasetParams = z
  .object({ projectId: z.uuid().optional().describe("The project's id (a key must belong to it)"), name: datasetNameSchema })
  .strict();
export const projectDatasetItemParams = z
  .object({ projectId: z.uuid().describe("The project's id"), name: datasetNameSchema, itemId: z.uuid().describe("The item's id") })
  .strict();

export const datasetItemInputSchema = z
  .object({
    id: identifierSchema.optional().describe("Your id for the item; sending it again is a duplicate, not a second item"),
    input: storableJson(z.array(chatMessageSchema).min(1).max(200)).describe(
      "The conversation up to the answer: system, history, user; assistant tool calls and the tool messages answering them",
    ),
    expectedOutput: datasetAnswerSchema.describe("The answer the model should give: text, or an assistant message with tool_calls"),
    rejectedOutput: datasetAnswerSchema.optional().describe("A bad answer to prefer against (for DPO); never empty"),
    category: exactText(z.string().max(60)).optional(),
    severity: exactText(z.string().max(20)).optional(),
    metadata: jsonObjectSchema.optional(),
  })
  .strict()
  .superRefine((item, ctx) => {
    for (const issue of exampleIssues(item.input, item.expectedOutput, item.rejectedOutput)) {
      ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    }
  });
export type DatasetItemInput = z.infer<typeof datasetItemInputSchema>;

export const datasetItemsEnvelopeSchema = z
  .object({ items: z.array(z.unknown()).min(1, "Send at least one item").max(1_000, "Send at most 1 000 items per request") })
  .strict();
export const datasetItemsSchema = z.object({ items: z.array(datasetItemInputSchema).min(1).max(1_000) }).strict();

export const publishQuerySchema = z
  .object({
    testRatio: z.coerce.number().min(0).max(1).optional().describe("Share of items in the test split from this version on (default 0.2)"),
  })
  .strict();

export const publishedVersionSchema = z
  .object({ version: z.number().int().describe("The new version's number"), itemCount: z.number().int() })
  .strict();

export const exportFormats = ["openai", "dpo", "jsonl", "csv"] as const;
export type ExportFormat = (typeof exportFormats)[number];
export const exportQuerySchema = z
  .object({
    format: z.enum(exportFormats).describe("openai (chat fine-tuning), dpo (TRL preference pairs), jsonl (everything), csv"),
    version: z
      .union([z.literal("latest"), z.coerce.number().int().min(1)])
      .default("latest")
      .describe("A published version number, or latest"),
    split: z.enum(["train", "test", "all"]).default("all"),
  })
  .strict();
export type ExportQuery = z.infer<typeof exportQuerySchema>;
