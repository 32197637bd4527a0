import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/session";
import { NewProjectForm } from "@/components/projects/NewProjectForm";

export const dynamic = "force-dynamic";

export default async function NewProjectPage() {
  if (!(await currentUser())) redirect("/signin");
  return (
    <main className="centered panel">
      <h1>New project</h1>
      <NewProjectForm />
    </main>
  );
}
