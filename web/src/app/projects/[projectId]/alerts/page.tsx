import { requireProjectPage } from "@/server/auth/projectAccess";
import { alertsPageView } from "@/server/alerts/alertsPageView";
import { AlertsPage } from "@/components/alerts/AlertsPage";

export default async function Alerts({ params }: { params: Promise<{ projectId: string }> }) {
  const access = await requireProjectPage((await params).projectId);
  return <AlertsPage view={await alertsPageView(access.project.id, access.role)} />;
}
