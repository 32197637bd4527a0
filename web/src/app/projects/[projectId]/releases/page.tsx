import { requireProjectPage } from "@/server/auth/projectAccess";
import { releasesPageView } from "@/server/releases/releasesPageView";
import { ReleasesPage } from "@/components/releases/ReleasesPage";
import type { SearchParams } from "@/server/console/searchParams";

export default async function Releases({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const access = await requireProjectPage((await params).projectId);
  return <ReleasesPage view={await releasesPageView(access.project.id, access.role, await searchParams)} />;
}
