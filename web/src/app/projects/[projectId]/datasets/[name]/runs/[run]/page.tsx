import { notFound } from "next/navigation";
import { requireProjectPage } from "@/server/auth/projectAccess";
import { datasetRunReportView } from "@/server/datasets/runs/datasetRunsView";
import { DatasetRunReport } from "@/components/datasets/DatasetRunReport";

export default async function DatasetRunPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string; name: string; run: string }>;
  searchParams: Promise<{ baseline?: string | string[] }>;
}) {
  const { projectId, name, run } = await params;
  const { baseline } = await searchParams;
  const access = await requireProjectPage(projectId);
  const report = await datasetRunReportView(
    access.project.id,
    decodeURIComponent(name),
    decodeURIComponent(run),
    typeof baseline === "string" ? baseline : undefined,
  );
  if (!report) notFound();
  return <DatasetRunReport projectId={access.project.id} report={report} />;
}
