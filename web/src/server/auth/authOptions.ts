import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import type { Provider } from "next-auth/providers/index";
import { env, type Environment } from "@/env";
import { db } from "@/server/db/client";
import { verifyCredentials } from "@/server/auth/signIn";
import { userForExternalAccount } from "@/server/auth/externalAccounts";
import { revokeSession, sessionMaxAgeSeconds, startSession } from "@/server/auth/authSessions";
import { clientAddressHeader } from "@/server/http/forwardedHeaders";

function externalProviders(config: Environment): Provider[] {
  const providers: Provider[] = [];
  if (config.AUTH_GITHUB_ID && config.AUTH_GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: config.AUTH_GITHUB_ID, clientSecret: config.AUTH_GITHUB_SECRET }));
  }
  if (config.AUTH_OIDC_ISSUER && config.AUTH_OIDC_CLIENT_ID && config.AUTH_OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: config.AUTH_OIDC_NAME ?? "Single sign-on",
      type: "oauth",
      wellKnown: `${config.AUTH_OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: config.AUTH_OIDC_CLIENT_ID,
      clientSecret: config.AUTH_OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      // Only an address the provider verified can name a Liveloop account.
      profile: (profile: { sub: string; email?: string; email_verified?: boolean; name?: string }) => ({
        id: profile.sub,
        email: profile.email_verified === true ? (profile.email ?? null) : null,
        name: profile.name ?? null,
      }),
    });
  }
  return providers;
}

/** Names of the external sign-in providers that are switched on, for the sign-in page. */
export function enabledExternalProviders(): { id: string; name: string }[] {
  return externalProviders(env()).map((provider) => ({ id: provider.id, name: provider.name }));
}

export function authOptions(): AuthOptions {
  const config = env();
  return {
    secret: config.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          if (!credentials?.email || !credentials.password) return null;
          const address = (request.headers as Record<string, string | undefined> | undefined)?.[clientAddressHeader] ?? "unknown";
          const result = await verifyCredentials(db(), credentials.email, credentials.password, address, new Date());
          if (!result.ok) {
            // next-auth turns a thrown error into ?error=<message>; both cases stay generic.
            throw new Error(result.reason === "throttled" ? "TooManyAttempts" : "CredentialsSignin");
          }
          return { id: result.userId };
        },
      }),
      ...externalProviders(config),
    ],
    callbacks: {
      async signIn({ user, account }) {
        if (!account || account.provider === "credentials") return true;
        const userId = await userForExternalAccount(db(), account.provider, account.providerAccountId, user.email, new Date());
        if (!userId) return "/signin?error=AccessDenied";
        user.id = userId;
        return true;
      },
      async jwt({ token, user, trigger }) {
        // The token carries only who the person is and which server-side session it is;
        // roles and the session's validity are read from the database on every request,
        // so a removed member or a revoked session loses access at once.
        if (trigger === "signIn") {
          token.sub = user.id;
          token.sid = await startSession(db(), user.id, new Date());
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.sub };
      },
    },
    events: {
      async signOut({ token }) {
        // Ends the session on the server too, so a copy of the cookie saved earlier stops working.
        if (typeof token.sid === "string") await revokeSession(db(), token.sid, new Date());
      },
    },
  };
}
