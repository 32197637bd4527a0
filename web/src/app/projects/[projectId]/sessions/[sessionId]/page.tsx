import { requireProjectPage } from "@/server/auth/projectAccess";
import { SessionConversation } from "@/components/traces/SessionConversation";

export default async function SessionPage({ params }: { params: Promise<{ projectId: string; sessionId: string }> }) {
  const { projectId, sessionId } = await params;
  const access = await requireProjectPage(projectId);
  return <SessionConversation projectId={access.project.id} sessionId={decodeURIComponent(sessionId)} />;
}
