import { notFound } from "next/navigation";
import { requireProjectPage } from "@/server/auth/projectAccess";
import { traceDetailView } from "@/server/traces/traceConsole";
import { TraceDetail } from "@/components/traces/TraceDetail";

export default async function TracePage({ params }: { params: Promise<{ projectId: string; traceId: string }> }) {
  const { projectId, traceId } = await params;
  const access = await requireProjectPage(projectId);
  const view = await traceDetailView(access.project.id, decodeURIComponent(traceId), { userId: access.user.id, role: access.role });
  if (!view) notFound();
  return <TraceDetail projectId={access.project.id} view={view} />;
}
