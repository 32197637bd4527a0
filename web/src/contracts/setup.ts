import { z } from "zod";
import { projectNameSchema } from "@/contracts/projects";
import { exactText } from "@/contracts/common";

export const passwordSchema = z.string().min(8, "Use at least 8 characters").max(200);

export const setupSchema = z
  .object({
    name: exactText(z.string().trim().min(1).max(100)).describe("The owner's name"),
    email: z.email().max(254).describe("The owner's email, used to sign in"),
    password: passwordSchema.describe("The owner's password"),
    projectName: projectNameSchema,
  })
  .strict();
export type SetupInput = z.infer<typeof setupSchema>;

export const setupResultSchema = z.object({ projectId: z.uuid() }).strict();
