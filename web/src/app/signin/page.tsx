import { redirect } from "next/navigation";
import { db } from "@/server/db/client";
import { isSetupComplete } from "@/server/setup/setup";
import { enabledExternalProviders } from "@/server/auth/authOptions";
import { SignInForm } from "@/components/auth/SignInForm";
import { localPath } from "@/server/auth/localPath";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string }> }) {
  if (!(await isSetupComplete(db()))) redirect("/setup");
  const { error, callbackUrl } = await searchParams;
  return (
    <main className="centered panel">
      <h1>Sign in to Liveloop</h1>
      <SignInForm providers={enabledExternalProviders()} initialError={error ?? null} callbackUrl={localPath(callbackUrl)} />
    </main>
  );
}
