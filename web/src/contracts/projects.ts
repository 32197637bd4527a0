import { z } from "zod";
import { exactText, roleSchema } from "@/contracts/common";

export const projectNameSchema = exactText(z.string().trim().min(1, "Name the project").max(100)).describe("Display name");

export const currentProjectSchema = z.object({ id: z.uuid().describe("Project id"), name: z.string().describe("Project name") }).strict();

export const createProjectSchema = z.object({ name: projectNameSchema }).strict();
export const piiRedactionSchema = z
  .enum(["off", "mask"])
  .describe("off: store traces as sent; mask: replace personal data and secrets before storing");

export const requireFeedbackTokensSchema = z
  .boolean()
  .describe("Refuse feedback (403) that carries no valid, unexpired feedback token for its trace");

export const updateProjectSchema = z
  .object({
    name: projectNameSchema.optional(),
    piiRedaction: piiRedactionSchema.optional(),
    requireFeedbackTokens: requireFeedbackTokensSchema.optional(),
  })
  .strict()
  .refine((update) => Object.keys(update).length > 0, {
    message: "Change the name, piiRedaction or requireFeedbackTokens",
  });
export type ProjectUpdate = z.infer<typeof updateProjectSchema>;

export const projectSettingsSchema = z
  .object({ id: z.uuid(), name: z.string(), piiRedaction: piiRedactionSchema, requireFeedbackTokens: requireFeedbackTokensSchema })
  .strict();

export const projectSchema = z.object({ id: z.uuid(), name: z.string(), role: roleSchema.describe("The caller's role in it") }).strict();
export type ProjectSummary = z.infer<typeof projectSchema>;
