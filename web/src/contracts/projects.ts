import { z } from "zod";
import { roleSchema } from "@/contracts/common";

export const projectNameSchema = z.string().trim().min(1, "Name the project").max(100).describe("Display name");

export const currentProjectSchema = z.object({ id: z.uuid().describe("Project id"), name: z.string().describe("Project name") }).strict();

export const createProjectSchema = z.object({ name: projectNameSchema }).strict();
export const updateProjectSchema = z.object({ name: projectNameSchema }).strict();

export const projectSchema = z.object({ id: z.uuid(), name: z.string(), role: roleSchema.describe("The caller's role in it") }).strict();
export type ProjectSummary = z.infer<typeof projectSchema>;
