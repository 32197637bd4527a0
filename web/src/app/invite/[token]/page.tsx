import { currentUser } from "@/server/auth/session";
import { invitationFromLink } from "@/server/accounts/accountViews";
import { InvitationPage } from "@/components/accounts/InvitationPage";

export const dynamic = "force-dynamic";

export default async function Invite({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([invitationFromLink(token, new Date()), currentUser()]);
  return <InvitationPage token={token} invitation={invitation} user={user} />;
}
