import { redirect } from "next/navigation";
import { setupComplete } from "@/server/setup/setupView";
import { enabledExternalProviders } from "@/server/auth/authOptions";
import { localPath } from "@/server/auth/localPath";
import { AuthCard } from "@/components/accounts/AuthCard";
import { SignInForm } from "@/components/auth/SignInForm";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string }> }) {
  if (!(await setupComplete())) redirect("/setup");
  const { error, callbackUrl } = await searchParams;
  return (
    <AuthCard title="Sign in to Liveloop" description="Close the loop from user feedback to golden datasets.">
      <SignInForm providers={enabledExternalProviders()} initialError={error ?? null} callbackUrl={localPath(callbackUrl)} />
    </AuthCard>
  );
}
