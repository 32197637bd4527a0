import { notFound } from "next/navigation";
import { requireProjectPage } from "@/server/auth/projectAccess";
import { db } from "@/server/db/client";
import { getTrace } from "@/server/traces/traceQueries";
import { NotFoundError } from "@/server/errors";
import { TraceDetail } from "@/components/traces/TraceDetail";

export default async function TracePage({ params }: { params: Promise<{ projectId: string; traceId: string }> }) {
  const { projectId, traceId } = await params;
  const access = await requireProjectPage(projectId);
  const trace = await getTrace(db(), access.project.id, decodeURIComponent(traceId)).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return <TraceDetail projectId={access.project.id} trace={trace} />;
}
