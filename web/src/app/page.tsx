import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/session";
import { setupComplete } from "@/server/setup/setupView";
import { homePath } from "@/server/accounts/accountViews";

export const dynamic = "force-dynamic";

export default async function Home() {
  if (!(await setupComplete())) redirect("/setup");
  const user = await currentUser();
  if (!user) redirect("/signin");
  redirect(await homePath(user.id));
}
