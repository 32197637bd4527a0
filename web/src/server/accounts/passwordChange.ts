import type { Database } from "@/server/db/client";
import { hashPassword, verifyPassword } from "@/server/auth/passwords";
import { revokeUserSessions } from "@/server/auth/authSessions";
import { clearSignInAttempts, perAddressRule, takeSignInAttempt } from "@/server/auth/signInThrottle";
import { BadRequestError, RateLimitedError } from "@/server/errors";

/**
 * Changes the signed-in person's password. The current password is required (a borrowed
 * session alone cannot lock its owner out) and its guesses are throttled like sign-in.
 * Every other session of the account ends (the browser that asked stays signed in), and
 * so does any reset link still open.
 */
export async function changePassword(
  database: Database,
  user: { id: string; sessionId: string },
  input: { currentPassword: string; newPassword: string },
  now: Date,
): Promise<void> {
  const throttleKey = `password-change:${user.id}`;
  if (!(await takeSignInAttempt(database, throttleKey, perAddressRule, now))) throw new RateLimitedError(perAddressRule.baseBlockMs / 1000);
  const row = await database.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!row.passwordHash || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new BadRequestError("The current password is not right", [{ path: ["currentPassword"], message: "is not right" }]);
  }
  await clearSignInAttempts(database, throttleKey);
  const passwordHash = await hashPassword(input.newPassword);
  await database.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await revokeUserSessions(tx, user.id, now, user.sessionId);
    // A reset link issued before this change would undo it: retire them.
    await tx.passwordReset.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
  });
}
