import type { Database, Queryable } from "@/server/db/client";
import { hashPassword } from "@/server/auth/passwords";
import { normaliseEmail } from "@/server/auth/signIn";
import { revokeUserSessions } from "@/server/auth/authSessions";
import { hashLinkToken, newLinkToken } from "@/server/accounts/linkTokens";
import type { Mailer } from "@/server/mail/mailer";
import { ForbiddenError, NotFoundError } from "@/server/errors";
import type { IssuedLink } from "@/contracts/account";

export const passwordResetTtlMs = 24 * 60 * 60_000;

async function issueLink(
  database: Queryable,
  user: { id: string; email: string },
  issuedById: string | null,
  delivery: { baseUrl: string; mailer: Mailer },
  now: Date,
): Promise<{ link: string; expiresAt: string; emailed: boolean }> {
  const { token, tokenHash } = newLinkToken();
  const expiresAt = new Date(now.getTime() + passwordResetTtlMs);
  // One live link per person: issuing a new one retires the older ones.
  await database.passwordReset.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
  await database.passwordReset.create({ data: { userId: user.id, tokenHash, issuedById, createdAt: now, expiresAt } });
  const link = `${delivery.baseUrl}/reset-password/${token}`;
  const emailed = await delivery.mailer.send({
    to: user.email,
    subject: "Set a new Liveloop password",
    text: `Set a new password for ${user.email} on Liveloop (the link works once, until ${expiresAt.toISOString()}):\n${link}\n\nIf you did not expect this, tell the owner of your project.`,
  });
  return { link, expiresAt: expiresAt.toISOString(), emailed };
}

/**
 * Whether `issuerId` may hold a reset link for `targetId`. Whoever holds the link can take
 * over the account, so the issuer must own every project the person belongs to (a reset
 * never reaches into a project the issuer does not own) and may not reset an instance
 * administrator unless they are one. Checked when the link is issued and again when it is
 * used, since the person may have joined another project or been made an administrator
 * in between, or the issuer lost their ownership.
 */
async function assertMayHoldResetFor(database: Queryable, issuerId: string, targetId: string): Promise<void> {
  const [issuer, target] = await Promise.all([
    database.user.findUnique({ where: { id: issuerId }, select: { isInstanceAdmin: true } }),
    database.user.findUniqueOrThrow({
      where: { id: targetId },
      select: { isInstanceAdmin: true, memberships: { select: { projectId: true } } },
    }),
  ]);
  if (!issuer) throw new ForbiddenError("The person who issued this link no longer has an account");
  if (target.isInstanceAdmin && !issuer.isInstanceAdmin) {
    throw new ForbiddenError("Only an instance administrator can reset an instance administrator's password");
  }
  const ownedProjects = await database.membership.count({
    where: { userId: issuerId, role: "owner", projectId: { in: target.memberships.map((m) => m.projectId) } },
  });
  if (ownedProjects < target.memberships.length) {
    throw new ForbiddenError("This person is also a member of projects the issuer does not own; ask an instance administrator for a reset");
  }
}

/** An owner issues a reset link for a member of their project (see assertMayHoldResetFor). */
export async function issueMemberPasswordReset(
  database: Database,
  projectId: string,
  issuerId: string,
  memberId: string,
  delivery: { baseUrl: string; mailer: Mailer },
  now: Date,
): Promise<IssuedLink> {
  const member = await database.membership.findFirst({
    where: { id: memberId, projectId },
    select: { user: { select: { id: true, email: true } } },
  });
  if (!member) throw new NotFoundError("No such member in this project");
  if (member.user.id === issuerId) throw new ForbiddenError("Change your own password on the Account page");
  await assertMayHoldResetFor(database, issuerId, member.user.id);
  const issued = await issueLink(database, member.user, issuerId, delivery, now);
  // Delivered to the member: the owner never holds a working link to their account then.
  return { ...issued, link: issued.emailed ? null : issued.link };
}

/** For the instance operator (`npm run user -- reset-password <email>`), who is shown the link either way. */
export async function issueOperatorPasswordReset(
  database: Queryable,
  email: string,
  delivery: { baseUrl: string; mailer: Mailer },
  now: Date,
): Promise<{ link: string; expiresAt: string; emailed: boolean }> {
  const user = await database.user.findUnique({ where: { email: normaliseEmail(email) }, select: { id: true, email: true } });
  if (!user) throw new NotFoundError(`No account with the e-mail ${email}`);
  return issueLink(database, user, null, delivery, now);
}

const unusableResetLink = () => new NotFoundError("This password link is invalid, expired or already used");

/** The e-mail a live reset link is for (shown on its page), or null when it is unknown, used or expired. */
export async function passwordResetEmail(database: Queryable, token: string, now: Date): Promise<string | null> {
  const reset = await database.passwordReset.findFirst({
    where: { tokenHash: hashLinkToken(token), usedAt: null, expiresAt: { gt: now } },
    select: { user: { select: { email: true } } },
  });
  return reset?.user.email ?? null;
}

/**
 * Sets the new password through a reset link, once, and signs the account out
 * everywhere: whoever knew the old password is out.
 */
export async function completePasswordReset(database: Database, token: string, newPassword: string, now: Date): Promise<{ email: string }> {
  // A cheap look first: strangers must not make the server hash passwords for dead links.
  if ((await passwordResetEmail(database, token, now)) === null) throw unusableResetLink();
  const passwordHash = await hashPassword(newPassword);
  const tokenHash = hashLinkToken(token);
  return database.$transaction(async (tx) => {
    const { count } = await tx.passwordReset.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    const reset =
      count === 1 ? await tx.passwordReset.findUnique({ where: { tokenHash }, select: { userId: true, issuedById: true } }) : null;
    if (!reset) throw unusableResetLink();
    // An owner's link is worth only what the owner may still do (the operator's links have no issuer).
    if (reset.issuedById) await assertMayHoldResetFor(tx, reset.issuedById, reset.userId);
    const user = await tx.user.update({ where: { id: reset.userId }, data: { passwordHash }, select: { email: true } });
    await revokeUserSessions(tx, reset.userId, now);
    return { email: user.email };
  });
}
