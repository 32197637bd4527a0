import { redirect } from "next/navigation";
import { setupComplete } from "@/server/setup/setupView";
import { AuthCard } from "@/components/accounts/AuthCard";
import { SetupForm } from "@/components/auth/SetupForm";

export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (await setupComplete()) redirect("/signin");
  return (
    <AuthCard title="Set up Liveloop" description="Create the first owner account and your first project.">
      <SetupForm />
    </AuthCard>
  );
}
