import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/session";
import { NewProjectForm } from "@/components/projects/NewProjectForm";

export const dynamic = "force-dynamic";

export default async function NewProjectPage() {
  const user = await currentUser();
  if (!user) redirect("/signin");
  return (
    <main className="centered panel">
      <h1>New project</h1>
      {user.isInstanceAdmin ? (
        <NewProjectForm />
      ) : (
        <p>Only instance administrators create projects on this Liveloop. Ask one to create it and invite you.</p>
      )}
    </main>
  );
}
