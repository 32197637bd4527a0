import type { Database, Queryable } from "@/server/db/client";
import type { Role } from "@/server/auth/permissions";
import { hashPassword } from "@/server/auth/passwords";
import { normaliseEmail } from "@/server/auth/signIn";
import { assertMayAssign } from "@/server/projects/members";
import { hashLinkToken, newLinkToken } from "@/server/accounts/linkTokens";
import type { Mailer } from "@/server/mail/mailer";
import { ConflictError, ForbiddenError, NotFoundError } from "@/server/errors";
import type { CreateInvitationInput, Invitation, IssuedLink } from "@/contracts/account";

export const invitationTtlMs = 7 * 24 * 60 * 60_000;

const invitationSelect = {
  id: true,
  email: true,
  role: true,
  createdAt: true,
  expiresAt: true,
  invitedBy: { select: { email: true } },
} as const;

type InvitationRow = { id: string; email: string; role: Role; createdAt: Date; expiresAt: Date; invitedBy: { email: string } | null };

function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy: row.invitedBy?.email ?? null,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

const pending = (now: Date) => ({ acceptedAt: null, revokedAt: null, expiresAt: { gt: now } });

/**
 * Invites an e-mail to the project. Nothing about the e-mail's account shows in the
 * answer: it is the same link, the same shape, whether or not the person already uses
 * Liveloop, and no one but the invitee ever sets their password. Inviting the same
 * e-mail again replaces the pending invitation (the old link stops working).
 */
export async function createInvitation(
  database: Database,
  projectId: string,
  inviter: { userId: string; role: Role },
  input: CreateInvitationInput,
  delivery: { baseUrl: string; mailer: Mailer },
  now: Date,
): Promise<{ invitation: Invitation } & IssuedLink> {
  assertMayAssign(inviter.role, input.role);
  const email = normaliseEmail(input.email);
  const { token, tokenHash } = newLinkToken();
  const { row, projectName } = await database.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({ where: { projectId, user: { email } }, select: { id: true } });
    // The inviter sees the member list anyway, so this reveals nothing new.
    if (member) throw new ConflictError(`${email} is already a member of this project`);
    await tx.invitation.updateMany({ where: { projectId, email, ...pending(now) }, data: { revokedAt: now } });
    const created = await tx.invitation.create({
      data: {
        projectId,
        email,
        role: input.role,
        tokenHash,
        invitedById: inviter.userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + invitationTtlMs),
      },
      select: { ...invitationSelect, project: { select: { name: true } } },
    });
    return { row: created, projectName: created.project.name };
  });
  const link = `${delivery.baseUrl}/invite/${token}`;
  const emailed = await delivery.mailer.send({
    to: email,
    subject: `You are invited to ${projectName} on Liveloop`,
    text: `${row.invitedBy?.email ?? "A member"} invited you to the project "${projectName}" on Liveloop as ${row.role}.\n\nAccept the invitation (the link works once, until ${row.expiresAt.toISOString()}):\n${link}\n`,
  });
  return { invitation: toInvitation(row), link: emailed ? null : link, expiresAt: row.expiresAt.toISOString(), emailed };
}

export async function listPendingInvitations(database: Queryable, projectId: string, now: Date): Promise<Invitation[]> {
  const rows = await database.invitation.findMany({
    where: { projectId, ...pending(now) },
    orderBy: { createdAt: "desc" },
    select: invitationSelect,
  });
  return rows.map(toInvitation);
}

export async function revokeInvitation(database: Queryable, projectId: string, invitationId: string, now: Date): Promise<void> {
  const { count } = await database.invitation.updateMany({
    where: { id: invitationId, projectId, ...pending(now) },
    data: { revokedAt: now },
  });
  if (count === 0) throw new NotFoundError("No pending invitation with this id in this project");
}

export async function hasPendingInvitation(database: Queryable, email: string, now: Date): Promise<boolean> {
  return (await database.invitation.count({ where: { email: normaliseEmail(email), ...pending(now) } })) > 0;
}

export interface InvitationView {
  projectName: string;
  email: string;
  role: Role;
  expiresAt: string;
}

/** What the invitation page shows for a link, or null when it is unknown, used, revoked or expired (all alike). */
export async function viewInvitation(database: Queryable, token: string, now: Date): Promise<InvitationView | null> {
  const row = await database.invitation.findFirst({
    where: { tokenHash: hashLinkToken(token), ...pending(now) },
    select: { email: true, role: true, expiresAt: true, project: { select: { name: true } } },
  });
  return row ? { projectName: row.project.name, email: row.email, role: row.role, expiresAt: row.expiresAt.toISOString() } : null;
}

const unusableLink = () => new NotFoundError("This invitation link is invalid, expired, revoked or already used");

/**
 * Marks the invitation used, in the caller's transaction, exactly once: two concurrent
 * acceptances of one link cannot both succeed.
 */
async function consumeInvitation(tx: Queryable, token: string, now: Date): Promise<{ projectId: string; email: string; role: Role }> {
  const tokenHash = hashLinkToken(token);
  const { count } = await tx.invitation.updateMany({ where: { tokenHash, ...pending(now) }, data: { acceptedAt: now } });
  if (count !== 1) throw unusableLink();
  const row = await tx.invitation.findUnique({ where: { tokenHash }, select: { projectId: true, email: true, role: true } });
  if (!row) throw unusableLink();
  return row;
}

async function joinProject(tx: Queryable, projectId: string, userId: string, role: Role): Promise<void> {
  await tx.membership.upsert({
    where: { projectId_userId: { projectId, userId } },
    create: { projectId, userId, role },
    update: {},
  });
}

/** A signed-in person accepts an invitation sent to their own e-mail. */
export async function acceptInvitation(
  database: Database,
  token: string,
  user: { id: string; email: string },
  now: Date,
): Promise<{ projectId: string; email: string }> {
  return database.$transaction(async (tx) => {
    const invitation = await consumeInvitation(tx, token, now);
    if (invitation.email !== normaliseEmail(user.email)) {
      throw new ForbiddenError(`This invitation is for ${invitation.email}; you are signed in as ${user.email}`);
    }
    await joinProject(tx, invitation.projectId, user.id, invitation.role);
    return { projectId: invitation.projectId, email: invitation.email };
  });
}

/**
 * Someone new accepts an invitation by choosing their own name and password. An e-mail
 * that already has an account must sign in and accept instead: its password is never
 * set or replaced through an invitation.
 */
export async function registerWithInvitation(
  database: Database,
  input: { token: string; name: string; password: string },
  now: Date,
): Promise<{ projectId: string; email: string }> {
  // A cheap look first: strangers must not make the server hash passwords for dead links.
  if (!(await viewInvitation(database, input.token, now))) throw unusableLink();
  const passwordHash = await hashPassword(input.password);
  return database.$transaction(async (tx) => {
    const invitation = await consumeInvitation(tx, input.token, now);
    const existing = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
    if (existing) throw new ConflictError("An account with this e-mail already exists: sign in, then accept the invitation");
    const user = await tx.user.create({ data: { email: invitation.email, name: input.name, passwordHash }, select: { id: true } });
    await joinProject(tx, invitation.projectId, user.id, invitation.role);
    return { projectId: invitation.projectId, email: invitation.email };
  });
}
