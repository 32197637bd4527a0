import { requireProjectPage } from "@/server/auth/projectAccess";
import { MetricsPage } from "@/components/metrics/MetricsPage";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Metrics({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: SearchParams }) {
  const access = await requireProjectPage((await params).projectId);
  return <MetricsPage projectId={access.project.id} searchParams={await searchParams} />;
}
