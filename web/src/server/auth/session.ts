import { getToken } from "next-auth/jwt";
import { getServerSession, type AuthOptions } from "next-auth";
import type { NextRequest } from "next/server";
import { env } from "@/env";
import { db } from "@/server/db/client";
import { authOptions } from "@/server/auth/authOptions";

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
}

async function loadUser(userId: string | undefined): Promise<SessionUser | null> {
  if (!userId) return null;
  return db().user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
}

/** The signed-in user of a route handler's request, or null. */
export async function sessionUserFromRequest(request: NextRequest): Promise<SessionUser | null> {
  const secret = env().AUTH_SECRET;
  if (!secret) return null;
  const token = await getToken({ req: request, secret });
  return loadUser(token?.sub);
}

/** The signed-in user of a server component, or null. */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession<AuthOptions, { userId?: string }>(authOptions());
  return loadUser(session?.userId);
}
