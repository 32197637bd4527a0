import type { Queryable } from "@/server/db/client";
import { normaliseEmail } from "@/server/auth/signIn";
import { hasPendingInvitation } from "@/server/accounts/invitations";

/**
 * An external identity signs in only as a person already added to a project (by email),
 * or invited to one: Liveloop has no open registration. The first sign-in links the
 * identity to the user; an invited person without an account gets one (without a
 * password), and then accepts the invitation through its link while signed in.
 *
 * An account with a password is never linked by e-mail alone: whoever controls an
 * identity provider's e-mail claim (an unverified address, a self-service tenant) would
 * otherwise take it over, and so would someone who created the account through an
 * invitation link they held before its owner signed in externally.
 */
export async function userForExternalAccount(
  database: Queryable,
  provider: string,
  providerAccountId: string,
  email: string | null | undefined,
  now: Date,
): Promise<string | null> {
  const linked = await database.authAccount.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { userId: true },
  });
  if (linked) return linked.userId;
  if (!email) return null;
  const address = normaliseEmail(email);
  const existing = await database.user.findUnique({ where: { email: address }, select: { id: true, passwordHash: true } });
  if (existing?.passwordHash) return null;
  const user =
    existing ??
    ((await hasPendingInvitation(database, address, now))
      ? await database.user.create({ data: { email: address }, select: { id: true } })
      : null);
  if (!user) return null;
  await database.authAccount.create({ data: { userId: user.id, provider, providerAccountId } });
  return user.id;
}
