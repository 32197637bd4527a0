import { z } from "zod";
import { timestampSchema, uuidParam } from "@/contracts/common";

export const modelPriceInputSchema = z
  .object({
    modelPattern: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[A-Za-z0-9._:/@*-]+$/, "Use the model name; * matches any run of characters")
      .describe("Model name, with * as a wildcard (gpt-4o-mini*); case-insensitive"),
    inputPerMillionUsd: z.number().min(0).max(100_000).describe("USD per million input tokens"),
    outputPerMillionUsd: z.number().min(0).max(100_000).describe("USD per million output tokens"),
    effectiveFrom: timestampSchema.describe("Traces starting from this time use the price"),
  })
  .strict();
export type ModelPriceInput = z.infer<typeof modelPriceInputSchema>;

const priceFields = {
  modelPattern: z.string(),
  inputPerMillionUsd: z.number(),
  outputPerMillionUsd: z.number(),
};

export const modelPriceSchema = z.object({ id: z.uuid(), ...priceFields, effectiveFrom: z.string() }).strict();
export type ModelPrice = z.infer<typeof modelPriceSchema>;

export const modelPriceListSchema = z
  .object({
    data: z.array(modelPriceSchema).describe("The project's own prices; they win over list prices for the models they match"),
    listPricesTakenOn: z.string().describe("When the shipped list prices were taken"),
    listPrices: z.array(z.object(priceFields).strict()),
  })
  .strict();

export const modelPriceParams = z.object({ projectId: uuidParam, priceId: uuidParam }).strict();

export const recomputeResultSchema = z.object({ traces: z.number().int().describe("Traces whose cost was recomputed") }).strict();
