import { decode, getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import type { NextRequest } from "next/server";
import { env } from "@/env";
import { db } from "@/server/db/client";
import { activeSessionUser, type SessionUser } from "@/server/auth/authSessions";
import { isHttpsRequest } from "@/server/http/forwardedHeaders";

export type { SessionUser } from "@/server/auth/authSessions";

/**
 * Whether next-auth set its `__Secure-` session cookie for this request: it decides by
 * NEXTAUTH_URL when that is set (a proxy terminating TLS may not say https), else by the
 * URL the request came in on. Reading the other name would find no session at all.
 */
export function usesSecureCookies(headers: Headers, nextAuthUrl: string | undefined): boolean {
  return nextAuthUrl ? nextAuthUrl.startsWith("https://") : isHttpsRequest(headers);
}

function sessionCookieName(secure: boolean): string {
  return secure ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

async function userOfSessionId(sessionId: unknown): Promise<SessionUser | null> {
  if (typeof sessionId !== "string") return null;
  return activeSessionUser(db(), sessionId, new Date());
}

/** The signed-in user of a route handler's request, or null. */
export async function sessionUserFromRequest(request: NextRequest): Promise<SessionUser | null> {
  const secret = env().AUTH_SECRET;
  if (!secret) return null;
  const token = await getToken({ req: request, secret, secureCookie: usesSecureCookies(request.headers, env().NEXTAUTH_URL) });
  return userOfSessionId(token?.sid);
}

/** The signed-in user of a server component, or null. */
export async function currentUser(): Promise<SessionUser | null> {
  const secret = env().AUTH_SECRET;
  if (!secret) return null;
  const cookie = (await cookies()).get(sessionCookieName(usesSecureCookies(await headers(), env().NEXTAUTH_URL)))?.value;
  if (!cookie) return null;
  const token = await decode({ token: cookie, secret }).catch(() => null);
  return userOfSessionId(token?.sid);
}
