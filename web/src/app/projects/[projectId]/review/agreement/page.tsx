import { requireProjectPage } from "@/server/auth/projectAccess";
import { agreementView } from "@/server/review/agreementView";
import { AgreementPage } from "@/components/review/AgreementPage";

export default async function Agreement({ params }: { params: Promise<{ projectId: string }> }) {
  const access = await requireProjectPage((await params).projectId);
  const view = await agreementView(access.project.id, { userId: access.user.id, email: access.user.email, role: access.role });
  return <AgreementPage projectId={access.project.id} view={view} />;
}
