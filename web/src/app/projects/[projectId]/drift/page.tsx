import { requireProjectPage } from "@/server/auth/projectAccess";
import { driftPageView } from "@/server/drift/driftPageView";
import { DriftPage } from "@/components/drift/DriftPage";
import type { SearchParams } from "@/server/console/searchParams";

export default async function Drift({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const access = await requireProjectPage((await params).projectId);
  return <DriftPage view={await driftPageView(access.project.id, access.role, await searchParams, new Date())} />;
}
