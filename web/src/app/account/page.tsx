import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/session";
import { ChangePasswordForm, SignOutEverywhereButton } from "@/components/accounts/AccountForms";

export const dynamic = "force-dynamic";

export default async function Account() {
  const user = await currentUser();
  if (!user) redirect("/signin");
  return (
    <main className="centered panel stack">
      <p>
        <Link href="/">← Back to the console</Link>
      </p>
      <h1>Your account</h1>
      <p className="muted">Signed in as {user.email}</p>
      <h2>Password</h2>
      <ChangePasswordForm />
      <h2>Sessions</h2>
      <p>Lost a laptop, or signed in on a shared computer? End every session of your account, this one included.</p>
      <SignOutEverywhereButton />
    </main>
  );
}
