import { notFound } from "next/navigation";
import { requireProjectPage } from "@/server/auth/projectAccess";
import { ReviewItemPage } from "@/components/review/ReviewItemPage";
import { uuidParam } from "@/contracts/common";

export default async function ReviewItem({ params }: { params: Promise<{ projectId: string; itemId: string }> }) {
  const { projectId, itemId } = await params;
  const access = await requireProjectPage(projectId);
  if (!uuidParam.safeParse(itemId).success) notFound();
  return <ReviewItemPage projectId={access.project.id} itemId={itemId} userId={access.user.id} role={access.role} />;
}
