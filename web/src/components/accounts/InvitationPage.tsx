import Link from "next/link";
import type { InvitationView } from "@/server/accounts/invitations";
import type { SessionUser } from "@/server/auth/session";
import { AcceptInvitationButton, RegisterWithInvitationForm } from "@/components/accounts/InvitationForms";

/** The page an invitation link opens: who invited whom to what, and the way to accept that fits who is looking. */
export function InvitationPage({
  token,
  invitation,
  user,
}: {
  token: string;
  invitation: InvitationView | null;
  user: SessionUser | null;
}) {
  if (!invitation) {
    return (
      <main className="centered panel">
        <h1>Invitation</h1>
        <p>This invitation link is invalid, expired, revoked or already used. Ask the person who invited you for a new one.</p>
      </main>
    );
  }
  const signInHere = `/signin?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`;
  return (
    <main className="centered panel stack">
      <h1>Join {invitation.projectName}</h1>
      <p>
        You are invited to <strong>{invitation.projectName}</strong> on Liveloop as <strong>{invitation.role}</strong>. The invitation is
        for {invitation.email} and works until {new Date(invitation.expiresAt).toLocaleString()}.
      </p>
      {user ? (
        user.email === invitation.email ? (
          <AcceptInvitationButton token={token} />
        ) : (
          <p role="alert" className="error">
            You are signed in as {user.email}. Sign out, then open this link again to accept it as {invitation.email}.
          </p>
        )
      ) : (
        <>
          <h2>New to Liveloop?</h2>
          <RegisterWithInvitationForm token={token} email={invitation.email} />
          <p>
            Already have an account? <Link href={signInHere}>Sign in</Link> to accept.
          </p>
        </>
      )}
    </main>
  );
}
