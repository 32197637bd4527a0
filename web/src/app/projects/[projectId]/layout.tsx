import type { ReactNode } from "react";
import { requireProjectPage } from "@/server/auth/projectAccess";
import { AppShell } from "@/components/shell/AppShell";
import { shellFiringAlerts } from "@/server/alerts/alertsPageView";

export const dynamic = "force-dynamic";

export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ projectId: string }> }) {
  const access = await requireProjectPage((await params).projectId);
  const firing = await shellFiringAlerts(access.project.id, access.role, new Date());
  return (
    <AppShell access={access} firing={firing}>
      {children}
    </AppShell>
  );
}
