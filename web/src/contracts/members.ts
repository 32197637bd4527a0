import { z } from "zod";
import { roleSchema, uuidParam } from "@/contracts/common";

export const memberSchema = z
  .object({
    id: z.uuid().describe("Membership id"),
    userId: z.uuid(),
    email: z.email(),
    name: z.string().nullable(),
    role: roleSchema,
    createdAt: z.iso.datetime(),
  })
  .strict();
export type Member = z.infer<typeof memberSchema>;

export const updateMemberSchema = z.object({ role: roleSchema }).strict();

export const memberParams = z.object({ projectId: uuidParam, memberId: uuidParam }).strict();

export const memberListSchema = z.object({ data: z.array(memberSchema) }).strict();
