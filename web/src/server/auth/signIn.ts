import type { Queryable } from "@/server/db/client";
import { decoyPasswordHash, verifyPassword } from "@/server/auth/passwords";
import { hasPendingInvitation } from "@/server/accounts/invitations";
import {
  clearSignInAttempts,
  forgiveSignInAttempt,
  perAddressRule,
  perClientRule,
  perEmailRule,
  takeSignInAttempt,
  type ThrottleRule,
} from "@/server/auth/signInThrottle";
import { addressGroup } from "@/server/http/forwardedHeaders";

export type SignInResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "throttled" };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks an email and password from a client address. Every failure looks the same to
 * the caller ("invalid" or "throttled"), whether the email is unknown, the password wrong
 * or the user no longer a member of any project. The attempt is counted against the
 * email at this address and against the email overall before the password is checked.
 */
export async function verifyCredentials(
  database: Queryable,
  emailInput: string,
  password: string,
  clientAddress: string,
  now: Date,
  rules: { perClient: ThrottleRule; perAddress: ThrottleRule; perEmail: ThrottleRule } = {
    perClient: perClientRule,
    perAddress: perAddressRule,
    perEmail: perEmailRule,
  },
): Promise<SignInResult> {
  const email = normaliseEmail(emailInput);
  const address = addressGroup(clientAddress);
  const clientKey = `address:${address}`;
  if (!(await takeSignInAttempt(database, clientKey, rules.perClient, now))) return { ok: false, reason: "throttled" };
  const addressKey = `address:${address}|email:${email}`;
  if (!(await takeSignInAttempt(database, addressKey, rules.perAddress, now))) return { ok: false, reason: "throttled" };
  const emailKey = `email:${email}`;
  if (!(await takeSignInAttempt(database, emailKey, rules.perEmail, now))) return { ok: false, reason: "throttled" };

  const user = await database.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, _count: { select: { memberships: true } } },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  // Someone removed from every project may sign in again only to accept a new invitation.
  const mayEnter = user !== null && (user._count.memberships > 0 || (await hasPendingInvitation(database, email, now)));
  if (user?.passwordHash && passwordOk && mayEnter) {
    // The right password proves the person: their misses (and strangers' guesses) start afresh.
    await clearSignInAttempts(database, addressKey);
    await clearSignInAttempts(database, emailKey);
    await forgiveSignInAttempt(database, clientKey);
    return { ok: true, userId: user.id };
  }
  return { ok: false, reason: "invalid" };
}
