import { redirect } from "next/navigation";
import { requireProjectPage } from "@/server/auth/projectAccess";
import { tracesPageView } from "@/server/traces/traceConsole";
import { TracesPage } from "@/components/traces/TracesPage";
import type { SearchParams } from "@/server/console/searchParams";

export default async function Traces({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const access = await requireProjectPage((await params).projectId);
  const view = await tracesPageView(access.project.id, await searchParams);
  if (view.redirectTo) redirect(view.redirectTo);
  return <TracesPage projectId={access.project.id} view={view} />;
}
