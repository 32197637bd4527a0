import { notFound } from "next/navigation";
import { requireProjectPage } from "@/server/auth/projectAccess";
import { visibleSettingsSections } from "@/server/settings/settingsView";
import { SettingsSection } from "@/components/settings/SettingsSection";

export default async function ProjectSettingsSection({ params }: { params: Promise<{ projectId: string; section: string }> }) {
  const { projectId, section } = await params;
  const access = await requireProjectPage(projectId);
  // An unknown section, or one this role may not open (API keys for annotators), is not there for them.
  const found = visibleSettingsSections(access.role).find((candidate) => candidate.slug === section);
  if (!found) notFound();
  return <SettingsSection access={access} section={found.slug} />;
}
