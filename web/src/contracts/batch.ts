import { z } from "zod";

/** The answer to every batch endpoint: per item, stored, already stored, or refused and why. */
export const batchResultSchema = z
  .object({
    accepted: z.array(z.string()).describe("Ids stored (created or changed)"),
    duplicates: z.array(z.string()).describe("Ids sent before: nothing was written"),
    rejected: z
      .array(
        z
          .object({
            id: z.string().nullable().describe("The item's id, or null when it had none"),
            index: z.number().int().describe("Position of the item in the request"),
            status: z
              .number()
              .int()
              .describe("HTTP status this item alone would get: 400 invalid, 403 not authorised, 409 at odds with what is stored"),
            message: z.string(),
          })
          .strict(),
      )
      .describe("Items not stored; the rest of the batch was"),
  })
  .strict();
export type BatchResult = z.infer<typeof batchResultSchema>;
