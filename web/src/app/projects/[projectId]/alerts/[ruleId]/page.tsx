import { notFound } from "next/navigation";
import { requireProjectPage } from "@/server/auth/projectAccess";
import { alertRulePageView } from "@/server/alerts/alertsPageView";
import { AlertRulePage } from "@/components/alerts/AlertRulePage";

export default async function AlertRule({ params }: { params: Promise<{ projectId: string; ruleId: string }> }) {
  const { projectId, ruleId } = await params;
  const access = await requireProjectPage(projectId);
  const view = await alertRulePageView(access.project.id, access.role, ruleId, new Date());
  if (!view) notFound();
  return <AlertRulePage view={view} />;
}
