import { Callout } from "@radix-ui/themes";
import { ExclamationTriangleIcon } from "@radix-ui/react-icons";
import { passwordResetFromLink } from "@/server/accounts/accountViews";
import { AuthCard } from "@/components/accounts/AuthCard";
import { ResetPasswordForm } from "@/components/accounts/ResetPasswordForm";

export const dynamic = "force-dynamic";

export default async function ResetPassword({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const email = await passwordResetFromLink(token, new Date());
  return (
    <AuthCard title="Set a new password" description={email ? `For ${email}. Setting it signs this account out everywhere.` : undefined}>
      {email ? (
        <ResetPasswordForm token={token} />
      ) : (
        <Callout.Root color="amber">
          <Callout.Icon>
            <ExclamationTriangleIcon />
          </Callout.Icon>
          <Callout.Text>This password link is invalid, expired or already used. Ask an owner of your project for a new one.</Callout.Text>
        </Callout.Root>
      )}
    </AuthCard>
  );
}
