import { db } from "@/server/db/client";
import { currentUser } from "@/server/auth/session";
import { viewInvitation } from "@/server/accounts/invitations";
import { linkTokenSchema } from "@/contracts/account";
import { InvitationPage } from "@/components/accounts/InvitationPage";

export const dynamic = "force-dynamic";

export default async function Invite({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const valid = linkTokenSchema.safeParse(token).success;
  const [invitation, user] = await Promise.all([valid ? viewInvitation(db(), token, new Date()) : null, currentUser()]);
  return <InvitationPage token={token} invitation={invitation} user={user} />;
}
