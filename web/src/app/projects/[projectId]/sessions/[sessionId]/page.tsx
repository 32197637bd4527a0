import { notFound } from "next/navigation";
import { requireProjectPage } from "@/server/auth/projectAccess";
import { sessionView } from "@/server/traces/traceConsole";
import { SessionConversation } from "@/components/traces/SessionConversation";

export default async function SessionPage({ params }: { params: Promise<{ projectId: string; sessionId: string }> }) {
  const { projectId, sessionId } = await params;
  const access = await requireProjectPage(projectId);
  const view = await sessionView(access.project.id, decodeURIComponent(sessionId));
  if (!view) notFound();
  return <SessionConversation projectId={access.project.id} view={view} />;
}
