import { requireProjectPage } from "@/server/auth/projectAccess";
import { ProjectOverview } from "@/components/projects/ProjectOverview";

export default async function ProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  const access = await requireProjectPage((await params).projectId);
  return <ProjectOverview access={access} />;
}
