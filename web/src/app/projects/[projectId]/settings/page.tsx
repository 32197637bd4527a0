import { requireProjectPage } from "@/server/auth/projectAccess";
import { SettingsPage } from "@/components/settings/SettingsPage";

export default async function ProjectSettings({ params }: { params: Promise<{ projectId: string }> }) {
  const access = await requireProjectPage((await params).projectId);
  return <SettingsPage access={access} />;
}
