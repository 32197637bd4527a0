import type { Database } from "@/server/db/client";
import { normaliseEmail } from "@/server/auth/signIn";
import { revokeUserSessions } from "@/server/auth/authSessions";
import { issueOperatorPasswordReset } from "@/server/accounts/passwordResets";
import type { Mailer } from "@/server/mail/mailer";

export const userCommandUsage = `Usage: npm run user -- <command> <email>

  reset-password <email>        print a single-use link that sets a new password (24 h; e-mailed too when SMTP_URL is set)
  grant-admin <email>           let the person create projects on this instance
  revoke-admin <email>          take that back
  sign-out-everywhere <email>   end every session of the account

Options: --base-url <url> for the link (default NEXTAUTH_URL, else http://localhost:<PORT>).`;

export class UserCommandError extends Error {}

/**
 * The instance operator's account commands (`npm run user`), run against the database
 * directly: for when nobody can sign in, or to decide who may create projects.
 */
export async function runUserCommand(
  database: Database,
  args: string[],
  context: { defaultBaseUrl: string; mailer: Mailer; now: Date },
): Promise<string> {
  const baseUrlAt = args.indexOf("--base-url");
  const baseUrl = baseUrlAt >= 0 ? args[baseUrlAt + 1] : context.defaultBaseUrl;
  const positional = args.filter((_, index) => baseUrlAt < 0 || (index !== baseUrlAt && index !== baseUrlAt + 1));
  const [command, emailInput] = positional;
  if (!command || !emailInput || positional.length !== 2 || !baseUrl) throw new UserCommandError(userCommandUsage);
  const email = normaliseEmail(emailInput);
  const user = await database.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw new UserCommandError(`No account with the e-mail ${email}`);
  switch (command) {
    case "reset-password": {
      const issued = await issueOperatorPasswordReset(
        database,
        email,
        { baseUrl: baseUrl.replace(/\/$/, ""), mailer: context.mailer },
        context.now,
      );
      return `Password link for ${email} (works once, until ${issued.expiresAt}${issued.emailed ? "; also e-mailed" : ""}):\n${issued.link}`;
    }
    case "grant-admin":
    case "revoke-admin": {
      const isInstanceAdmin = command === "grant-admin";
      await database.user.update({ where: { id: user.id }, data: { isInstanceAdmin } });
      return `${email} ${isInstanceAdmin ? "may now" : "may no longer"} create projects.`;
    }
    case "sign-out-everywhere":
      return `Ended ${await revokeUserSessions(database, user.id, context.now)} session(s) of ${email}.`;
    default:
      throw new UserCommandError(userCommandUsage);
  }
}
