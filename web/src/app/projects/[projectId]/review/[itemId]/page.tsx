import { notFound } from "next/navigation";
import { requireProjectPage } from "@/server/auth/projectAccess";
import { reviewItemView } from "@/server/review/reviewItemView";
import { ReviewItemPage } from "@/components/review/ReviewItemPage";
import { uuidParam } from "@/contracts/common";

export default async function ReviewItem({ params }: { params: Promise<{ projectId: string; itemId: string }> }) {
  const { projectId, itemId } = await params;
  const access = await requireProjectPage(projectId);
  if (!uuidParam.safeParse(itemId).success) notFound();
  const view = await reviewItemView(access.project.id, itemId, { userId: access.user.id, role: access.role });
  if (!view) notFound();
  return <ReviewItemPage projectId={access.project.id} view={view} />;
}
