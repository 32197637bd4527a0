import { requireProjectPage } from "@/server/auth/projectAccess";
import { sessionsPageView } from "@/server/traces/traceConsole";
import { SessionsPage } from "@/components/traces/SessionsPage";

export default async function Sessions({ params }: { params: Promise<{ projectId: string }> }) {
  const access = await requireProjectPage((await params).projectId);
  return <SessionsPage projectId={access.project.id} rows={await sessionsPageView(access.project.id)} />;
}
