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

export const addMemberSchema = z
  .object({
    email: z.email().max(254).describe("The person's email; an account is created if none exists"),
    role: roleSchema,
  })
  .strict();
export type AddMemberInput = z.infer<typeof addMemberSchema>;

export const addedMemberSchema = z
  .object({
    member: memberSchema,
    temporaryPassword: z.string().nullable().describe("Set when a new account was created: shown once, to hand to the person"),
  })
  .strict();

export const updateMemberSchema = z.object({ role: roleSchema }).strict();

export const memberParams = z.object({ projectId: uuidParam, memberId: uuidParam }).strict();

export const memberListSchema = z.object({ data: z.array(memberSchema) }).strict();
