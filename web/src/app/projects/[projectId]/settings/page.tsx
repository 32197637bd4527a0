import { redirect } from "next/navigation";
import { requireProjectPage } from "@/server/auth/projectAccess";
import { visibleSettingsSections } from "@/server/settings/settingsView";

/** Settings open on their first section the person may see: API keys, for those who may read keys. */
export default async function ProjectSettings({ params }: { params: Promise<{ projectId: string }> }) {
  const access = await requireProjectPage((await params).projectId);
  const [first] = visibleSettingsSections(access.role);
  redirect(`/projects/${access.project.id}/settings/${first?.slug ?? "members"}`);
}
