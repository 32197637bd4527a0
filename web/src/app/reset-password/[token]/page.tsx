import { db } from "@/server/db/client";
import { passwordResetEmail } from "@/server/accounts/passwordResets";
import { linkTokenSchema } from "@/contracts/account";
import { ResetPasswordForm } from "@/components/accounts/ResetPasswordForm";

export const dynamic = "force-dynamic";

export default async function ResetPassword({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const email = linkTokenSchema.safeParse(token).success ? await passwordResetEmail(db(), token, new Date()) : null;
  return (
    <main className="centered panel stack">
      <h1>Set a new password</h1>
      {email ? (
        <>
          <p>For {email}. Setting it signs this account out everywhere.</p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <p>This password link is invalid, expired or already used. Ask an owner of your project for a new one.</p>
      )}
    </main>
  );
}
