import { requireProjectPage } from "@/server/auth/projectAccess";
import { AgreementPage } from "@/components/review/AgreementPage";

export default async function Agreement({ params }: { params: Promise<{ projectId: string }> }) {
  const access = await requireProjectPage((await params).projectId);
  return <AgreementPage projectId={access.project.id} viewer={{ userId: access.user.id, email: access.user.email, role: access.role }} />;
}
