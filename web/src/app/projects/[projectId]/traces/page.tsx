import { requireProjectPage } from "@/server/auth/projectAccess";
import { TracesPage } from "@/components/traces/TracesPage";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Traces({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: SearchParams }) {
  const access = await requireProjectPage((await params).projectId);
  return <TracesPage projectId={access.project.id} searchParams={await searchParams} />;
}
