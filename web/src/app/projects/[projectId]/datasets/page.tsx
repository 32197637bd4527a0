import { requireProjectPage } from "@/server/auth/projectAccess";
import { DatasetsPage } from "@/components/datasets/DatasetsPage";

export default async function Datasets({ params }: { params: Promise<{ projectId: string }> }) {
  const access = await requireProjectPage((await params).projectId);
  return <DatasetsPage projectId={access.project.id} role={access.role} />;
}
