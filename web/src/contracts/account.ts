import { z } from "zod";
import { passwordSchema } from "@/contracts/setup";
import { exactText, roleSchema, uuidParam } from "@/contracts/common";

// Link tokens are 32 random bytes in base64url; anything else cannot be one.
export const linkTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, "is not a link token")
  .describe("The token from the link");

export const invitationSchema = z
  .object({
    id: z.uuid(),
    email: z.email(),
    role: roleSchema,
    invitedBy: z.string().nullable().describe("Email of the member who sent it"),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .strict();
export type Invitation = z.infer<typeof invitationSchema>;

export const createInvitationSchema = z
  .object({
    email: z.email().max(254).describe("Who to invite; the answer is the same whether or not the e-mail has an account"),
    role: roleSchema,
  })
  .strict();
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

/**
 * A link that works once. E-mailed to the person when SMTP_URL is set, and then never
 * shown to whoever issued it (it is the invitee's or the member's alone); otherwise shown
 * in this answer only, for the issuer to pass on.
 */
export const issuedLinkSchema = z
  .object({
    link: z.url().nullable().describe("Single-use link, shown only in this answer; null when it was e-mailed instead"),
    expiresAt: z.iso.datetime(),
    emailed: z.boolean().describe("Whether it was also sent by e-mail (SMTP_URL set and the send succeeded)"),
  })
  .strict();
export type IssuedLink = z.infer<typeof issuedLinkSchema>;

export const createdInvitationSchema = z.object({ invitation: invitationSchema, ...issuedLinkSchema.shape }).strict();

export const invitationListSchema = z.object({ data: z.array(invitationSchema) }).strict();

export const invitationParams = z.object({ projectId: uuidParam, invitationId: uuidParam }).strict();

export const acceptInvitationSchema = z.object({ token: linkTokenSchema }).strict();

export const registerWithInvitationSchema = z
  .object({
    token: linkTokenSchema,
    name: exactText(z.string().trim().min(1).max(100)).describe("Your name"),
    password: passwordSchema.describe("The password you will sign in with"),
  })
  .strict();

export const acceptedInvitationSchema = z.object({ projectId: z.uuid(), email: z.email() }).strict();

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: passwordSchema,
  })
  .strict();

export const completePasswordResetSchema = z.object({ token: linkTokenSchema, newPassword: passwordSchema }).strict();

export const signedOutSessionsSchema = z.object({ revoked: z.number().int().describe("Sessions ended") }).strict();
