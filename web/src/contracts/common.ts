import { z } from "zod";
import { roles } from "@/server/auth/permissions";

export const problemSchema = z
  .object({
    type: z.string().describe("A URI naming the kind of problem"),
    title: z.string().describe("Short summary of the kind of problem"),
    status: z.number().int().describe("The HTTP status code"),
    detail: z.string().optional().describe("What went wrong with this request"),
    errors: z
      .array(
        z.object({
          path: z.array(z.union([z.string(), z.number()])).describe("Where in the payload"),
          message: z.string(),
          index: z.number().int().optional().describe("Index of the bad event in a batch"),
        }),
      )
      .optional()
      .describe("Each validation issue"),
  })
  .describe("An RFC 9457 problem document");

export const roleSchema = z.enum(roles).describe("owner, admin, annotator or viewer");

export const uuidParam = z.uuid();

export const projectIdParams = z.object({ projectId: uuidParam.describe("The project's id") }).strict();
