import type { ReactNode } from "react";
import { requireProjectPage } from "@/server/auth/projectAccess";
import { visibleSettingsSections } from "@/server/settings/settingsView";
import { PageHeader } from "@/components/ui/PageHeader";
import { SettingsNav } from "@/components/settings/SettingsNav";

export default async function SettingsLayout({ params, children }: { params: Promise<{ projectId: string }>; children: ReactNode }) {
  const access = await requireProjectPage((await params).projectId);
  return (
    <>
      <PageHeader title="Settings" description={`Keys, members and rules of ${access.project.name}.`} />
      <SettingsNav projectId={access.project.id} sections={visibleSettingsSections(access.role)} />
      {children}
    </>
  );
}
