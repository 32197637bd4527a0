import { redirect } from "next/navigation";
import { db } from "@/server/db/client";
import { currentUser } from "@/server/auth/session";
import { isSetupComplete } from "@/server/setup/setup";
import { listProjectsForUser } from "@/server/projects/projects";

export const dynamic = "force-dynamic";

export default async function Home() {
  if (!(await isSetupComplete(db()))) redirect("/setup");
  const user = await currentUser();
  if (!user) redirect("/signin");
  const [first] = await listProjectsForUser(db(), user.id);
  redirect(first ? `/projects/${first.id}` : "/projects/new");
}
