import { redirect } from "next/navigation";
import { db } from "@/server/db/client";
import { isSetupComplete } from "@/server/setup/setup";
import { SetupForm } from "@/components/auth/SetupForm";

export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (await isSetupComplete(db())) redirect("/signin");
  return (
    <main className="centered panel">
      <h1>Set up Liveloop</h1>
      <p className="muted">Create the first owner account and your first project.</p>
      <SetupForm />
    </main>
  );
}
