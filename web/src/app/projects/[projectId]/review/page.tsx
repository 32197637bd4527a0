import { requireProjectPage } from "@/server/auth/projectAccess";
import { reviewQueueView } from "@/server/review/reviewQueueView";
import { ReviewQueuePage } from "@/components/review/ReviewQueuePage";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Review({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: SearchParams }) {
  const access = await requireProjectPage((await params).projectId);
  const view = await reviewQueueView(access.project.id, { userId: access.user.id, role: access.role }, await searchParams);
  return <ReviewQueuePage projectId={access.project.id} view={view} />;
}
