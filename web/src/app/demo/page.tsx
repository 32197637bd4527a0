import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/session";
import { demoPageView } from "@/server/demo/demoView";
import { DemoPage } from "@/components/demo/DemoPage";

export const dynamic = "force-dynamic";
export const metadata = { title: "Demo chat" };

/** A chat that uses the widget as a customer's app would: every answer is a trace with feedback under it. */
export default async function DemoRoute() {
  const view = await demoPageView(await currentUser());
  if (view.status === "setup") redirect("/setup");
  if (view.status === "signIn") redirect("/signin?callbackUrl=/demo");
  return <DemoPage view={view} />;
}
