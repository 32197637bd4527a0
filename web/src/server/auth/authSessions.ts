import type { Queryable } from "@/server/db/client";

export const sessionMaxAgeSeconds = 7 * 24 * 60 * 60;

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  /** May create projects on this instance. */
  isInstanceAdmin: boolean;
  /** The server-side session the request's cookie names. */
  sessionId: string;
}

// Session ids are uuids; anything else (a forged or old cookie) names no session.
const isSessionId = (value: string) => /^[0-9a-f-]{36}$/i.test(value);

/** Records a signed-in browser; its id goes into the session cookie. */
export async function startSession(database: Queryable, userId: string, now: Date): Promise<string> {
  const session = await database.authSession.create({
    data: { userId, createdAt: now, expiresAt: new Date(now.getTime() + sessionMaxAgeSeconds * 1000) },
    select: { id: true },
  });
  return session.id;
}

/**
 * The person behind a session cookie, or null when the session was revoked, has expired,
 * or was never recorded (a cookie from before sessions were recorded, or a forged id).
 */
export async function activeSessionUser(database: Queryable, sessionId: string, now: Date): Promise<SessionUser | null> {
  if (!isSessionId(sessionId)) return null;
  const session = await database.authSession.findFirst({
    where: { id: sessionId, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, user: { select: { id: true, email: true, name: true, isInstanceAdmin: true } } },
  });
  return session ? { ...session.user, sessionId: session.id } : null;
}

export async function revokeSession(database: Queryable, sessionId: string, now: Date): Promise<void> {
  if (!isSessionId(sessionId)) return;
  await database.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** Ends every session of the user (but `keepSessionId`, the browser that asked, when given). */
export async function revokeUserSessions(database: Queryable, userId: string, now: Date, keepSessionId?: string): Promise<number> {
  const { count } = await database.authSession.updateMany({
    where: { userId, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    data: { revokedAt: now },
  });
  return count;
}
