import { redirect } from "next/navigation";
import { db } from "@/server/db/client";
import { currentUser } from "@/server/auth/session";
import { isSetupComplete } from "@/server/setup/setup";
import { ensureDemoProject } from "@/server/demo/demoProject";
import { instanceSecret } from "@/server/demo/demoRoute";
import { DemoChat } from "@/components/demo/DemoChat";

export const dynamic = "force-dynamic";
export const metadata = { title: "Demo chat · Liveloop" };

/** A chat that uses the widget as a customer's app would: every answer is a trace with feedback under it. */
export default async function DemoPage() {
  if (!(await isSetupComplete(db()))) redirect("/setup");
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/demo");
  const { projectId, publicKey } = await ensureDemoProject(db(), user.id, instanceSecret());
  return (
    <main className="demo">
      <header className="row" style={{ justifyContent: "space-between" }}>
        <div>
          <h1>Northwind Outfitters · support chat</h1>
          <p className="muted">
            A demo of the Liveloop widget. Ask about shipping, returns, tracking, payment, store hours or your account; rate the answers,
            copy them, rephrase a question or report one.
          </p>
        </div>
        <a href={`/projects/${projectId}/traces`}>See the traces and feedback →</a>
      </header>
      {publicKey ? (
        <DemoChat publicKey={publicKey} />
      ) : (
        <p role="alert">
          The demo&apos;s browser key was revoked (<a href={`/projects/${projectId}/settings`}>Settings → API keys</a> of this project), so
          this page cannot send feedback. A revoked key stays revoked; to try the widget again, create a public key there and use it in your
          own page.
        </p>
      )}
    </main>
  );
}
