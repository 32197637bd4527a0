import { requireProjectPage } from "@/server/auth/projectAccess";
import { ReviewQueuePage } from "@/components/review/ReviewQueuePage";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Review({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: SearchParams }) {
  const access = await requireProjectPage((await params).projectId);
  return <ReviewQueuePage projectId={access.project.id} role={access.role} searchParams={await searchParams} />;
}
