import { requireProjectPage } from "@/server/auth/projectAccess";
import { metricsPageView } from "@/server/metrics/metricsView";
import { MetricsPage } from "@/components/metrics/MetricsPage";
import type { SearchParams } from "@/server/console/searchParams";

export default async function Metrics({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const access = await requireProjectPage((await params).projectId);
  return <MetricsPage view={await metricsPageView(access.project.id, await searchParams)} />;
}
