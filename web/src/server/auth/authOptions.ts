import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import type { Provider } from "next-auth/providers/index";
import { env, type Environment } from "@/env";
import { db } from "@/server/db/client";
import { verifyCredentials, normaliseEmail } from "@/server/auth/signIn";
import { revokeSession, sessionMaxAgeSeconds, startSession } from "@/server/auth/authSessions";
import { clientAddressHeader } from "@/server/http/forwardedHeaders";
import { hasPendingInvitation } from "@/server/accounts/invitations";

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
      profile: (profile: { sub: string; email?: string; name?: string }) => ({
        id: profile.sub,
        email: profile.email ?? null,
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

/**
 * An external identity signs in only as a person already added to a project (by email),
 * or invited to one: Liveloop has no open registration. The first sign-in links the
 * identity to the user; an invited person without an account gets one (without a
 * password), and then accepts the invitation through its link while signed in.
 */
async function userForExternalAccount(
  provider: string,
  providerAccountId: string,
  email: string | null | undefined,
): Promise<string | null> {
  const database = db();
  const linked = await database.authAccount.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { userId: true },
  });
  if (linked) return linked.userId;
  if (!email) return null;
  const address = normaliseEmail(email);
  const user =
    (await database.user.findUnique({ where: { email: address }, select: { id: true } })) ??
    ((await hasPendingInvitation(database, address, new Date()))
      ? await database.user.create({ data: { email: address }, select: { id: true } })
      : null);
  if (!user) return null;
  await database.authAccount.create({ data: { userId: user.id, provider, providerAccountId } });
  return user.id;
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
        const userId = await userForExternalAccount(account.provider, account.providerAccountId, user.email);
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
