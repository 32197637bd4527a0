import type { Queryable } from "@/server/db/client";
import type { Role } from "@/server/auth/permissions";
import type { ProjectSummary, ProjectUpdate } from "@/contracts/projects";

import { ForbiddenError, NotFoundError } from "@/server/errors";
import type { Caller } from "@/server/api/route";
import { forgetFeedbackPolicy } from "@/server/feedback/feedbackPolicy";
import { newFeedbackSigningSecret } from "@/server/feedback/feedbackTokens";

export interface ProjectSettings {
  id: string;
  name: string;
  piiRedaction: "off" | "mask";
  requireFeedbackTokens: boolean;
}

const projectSettingsSelect = { id: true, name: true, piiRedaction: true, requireFeedbackTokens: true } as const;

export async function createProject(database: Queryable, ownerId: string, name: string): Promise<ProjectSummary> {
  const project = await database.project.create({
    // The signing secret is made here, a write, so no page ever creates it while rendering.
    data: { name, feedbackSigningSecret: newFeedbackSigningSecret(), memberships: { create: { userId: ownerId, role: "owner" } } },
    select: { id: true, name: true },
  });
  return { ...project, role: "owner" };
}

/**
 * Who may create projects on an instance: its administrators (the person who set it up,
 * and whoever they grant it with `npm run user -- grant-admin <email>`), not every
 * signed-in member, so an invited viewer cannot start projects of their own.
 */
export async function createProjectAsUser(database: Queryable, caller: Caller, name: string): Promise<ProjectSummary> {
  if (caller.type !== "session") throw new ForbiddenError("Projects are created by signed-in people");
  if (!caller.user.isInstanceAdmin) {
    throw new ForbiddenError(
      "Only instance administrators create projects; ask one, or an operator can run `npm run user -- grant-admin <email>`",
    );
  }
  return createProject(database, caller.user.id, name);
}

export async function updateProject(database: Queryable, projectId: string, update: ProjectUpdate): Promise<ProjectSettings> {
  const updated = await database.project.update({ where: { id: projectId }, data: update, select: projectSettingsSelect });
  forgetFeedbackPolicy(projectId);
  return updated;
}

export async function getProject(database: Queryable, projectId: string): Promise<ProjectSettings | null> {
  return database.project.findUnique({ where: { id: projectId }, select: projectSettingsSelect });
}

export async function listProjectsForUser(database: Queryable, userId: string): Promise<ProjectSummary[]> {
  const memberships = await database.membership.findMany({
    where: { userId },
    // The demo project is made in the same transaction as the first one: keep it last.
    orderBy: [{ project: { isDemo: "asc" } }, { project: { createdAt: "asc" } }],
    select: { role: true, project: { select: { id: true, name: true } } },
  });
  return memberships.map(({ role, project }) => ({ id: project.id, name: project.name, role }));
}

/** The user's role in the project, or null when they are not a member. */
export async function roleInProject(database: Queryable, projectId: string, userId: string): Promise<Role | null> {
  const membership = await database.membership.findUnique({
    where: { projectId_userId: { projectId, userId } },
    select: { role: true },
  });
  return membership?.role ?? null;
}

/** The project an API key belongs to, so clients can check their credentials. */
export async function currentProjectOfKey(
  database: Queryable,
  caller: { type: string; projectId?: string | null },
): Promise<{ id: string; name: string }> {
  const project = caller.projectId ? await getProject(database, caller.projectId) : null;
  if (!project) throw new NotFoundError("The key's project no longer exists");
  return { id: project.id, name: project.name };
}
