import type { Queryable } from "@/server/db/client";
import { decoyPasswordHash, verifyPassword } from "@/server/auth/passwords";

export const freeFailures = 5;
const maxBlockMs = 15 * 60_000;

/** After `freeFailures` misses, each further miss doubles the wait, from 30 s up to 15 min. */
export function blockAfterFailures(failures: number): number {
  if (failures < freeFailures) return 0;
  return Math.min(maxBlockMs, 30_000 * 2 ** (failures - freeFailures));
}

export type SignInResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "throttled" };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks an email and password. Every failure looks the same to the caller ("invalid"
 * or "throttled"), whether the email is unknown, the password wrong or the user no
 * longer a member of any project.
 */
export async function verifyCredentials(database: Queryable, emailInput: string, password: string, now: Date): Promise<SignInResult> {
  const email = normaliseEmail(emailInput);
  const throttle = await database.signInThrottle.findUnique({ where: { email } });
  if (throttle?.blockedUntil && throttle.blockedUntil > now) return { ok: false, reason: "throttled" };

  const user = await database.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, _count: { select: { memberships: true } } },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (user && user.passwordHash && passwordOk && user._count.memberships > 0) {
    if (throttle) await database.signInThrottle.delete({ where: { email } });
    return { ok: true, userId: user.id };
  }
  const failures = (throttle?.failures ?? 0) + 1;
  const blockMs = blockAfterFailures(failures);
  await database.signInThrottle.upsert({
    where: { email },
    create: { email, failures, lastFailureAt: now, blockedUntil: blockMs ? new Date(now.getTime() + blockMs) : null },
    update: { failures, lastFailureAt: now, blockedUntil: blockMs ? new Date(now.getTime() + blockMs) : null },
  });
  return { ok: false, reason: "invalid" };
}
