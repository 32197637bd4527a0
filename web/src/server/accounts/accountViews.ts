import { db } from "@/server/db/client";
import { linkTokenSchema } from "@/contracts/account";
import { listProjectsForUser } from "@/server/projects/projects";
import { viewInvitation, type InvitationView } from "@/server/accounts/invitations";
import { passwordResetEmail } from "@/server/accounts/passwordResets";

/** Where a signed-in person starts: their first project, or making one when they have none. */
export async function homePath(userId: string): Promise<string> {
  const [first] = await listProjectsForUser(db(), userId);
  return first ? `/projects/${first.id}` : "/projects/new";
}

/** The invitation a link carries, or null when the token is malformed, expired, revoked or used. */
export async function invitationFromLink(token: string, now: Date): Promise<InvitationView | null> {
  return linkTokenSchema.safeParse(token).success ? viewInvitation(db(), token, now) : null;
}

/** Whose password a reset link sets, or null when the token is malformed, expired or used. */
export async function passwordResetFromLink(token: string, now: Date): Promise<string | null> {
  return linkTokenSchema.safeParse(token).success ? passwordResetEmail(db(), token, now) : null;
}
