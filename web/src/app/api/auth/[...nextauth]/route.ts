import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/server/auth/authOptions";

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

// Options are built per request because they read the parsed environment lazily.
function handler(request: NextRequest, context: NextAuthContext): Promise<Response> {
  return NextAuth(request, context, authOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
