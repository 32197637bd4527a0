import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { db } from "@/server/db/client";
import { currentUser, type SessionUser } from "@/server/auth/session";
import { getProject, listProjectsForUser, roleInProject, type ProjectSettings } from "@/server/projects/projects";
import type { Role } from "@/server/auth/permissions";
import type { ProjectSummary } from "@/contracts/projects";

export interface ProjectPageAccess {
  user: SessionUser;
  project: ProjectSettings;
  role: Role;
  projects: ProjectSummary[];
}

/**
 * For console pages: the signed-in member and their role, or a redirect / 404. Cached per
 * request, since a project's layout and its page both ask.
 */
export const requireProjectPage = cache(async (projectId: string): Promise<ProjectPageAccess> => {
  const user = await currentUser();
  if (!user) redirect("/signin");
  const database = db();
  if (!/^[0-9a-f-]{36}$/i.test(projectId)) notFound();
  const [project, role, projects] = await Promise.all([
    getProject(database, projectId),
    roleInProject(database, projectId, user.id),
    listProjectsForUser(database, user.id),
  ]);
  if (!project || !role) notFound();
  return { user, project, role, projects };
});
