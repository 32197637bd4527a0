import { headers } from "next/headers";
import { requireProjectPage } from "@/server/auth/projectAccess";
import { projectOverviewView } from "@/server/projects/projectOverview";
import { ProjectOverview } from "@/components/projects/ProjectOverview";

export default async function ProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  const access = await requireProjectPage((await params).projectId);
  return <ProjectOverview access={access} view={await projectOverviewView(access.project.id, await headers())} />;
}
