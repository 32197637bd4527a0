import { z } from "zod";
import { endpoint } from "@/server/api/endpoint";
import { memberCaller, signedInUserId } from "@/server/api/caller";
import { projectIdParams } from "@/contracts/common";
import { createProjectSchema, currentProjectSchema, projectSchema, projectSettingsSchema, updateProjectSchema } from "@/contracts/projects";
import { memberListSchema, memberParams, memberSchema, updateMemberSchema } from "@/contracts/members";
import { createProjectAsUser, currentProjectOfKey, listProjectsForUser, updateProject } from "@/server/projects/projects";
import { changeMemberRole, listMembers, removeMember } from "@/server/projects/members";

export const currentProjectRoute = endpoint({
  method: "GET",
  path: "/api/v1/projects/current",
  summary: "The project of the secret key used",
  auth: "key",
  keyKinds: ["secret"],
  permission: "project:read",
  response: currentProjectSchema,
  answers: "The key's project",
  handler: ({ database, caller }) => currentProjectOfKey(database, caller),
});

export const projectListRoute = endpoint({
  method: "GET",
  path: "/api/v1/projects",
  summary: "Projects of the signed-in person",
  auth: "session",
  response: z.object({ data: z.array(projectSchema) }).strict(),
  answers: "Projects",
  handler: async ({ database, caller }) => ({ data: await listProjectsForUser(database, signedInUserId(caller)) }),
});

export const createProjectRoute = endpoint({
  method: "POST",
  path: "/api/v1/projects",
  summary: "Create a project (the caller becomes owner)",
  auth: "session",
  body: createProjectSchema,
  status: 201,
  response: projectSchema,
  answers: "Created",
  handler: ({ database, caller, body }) => createProjectAsUser(database, caller, body.name),
});

export const updateProjectRoute = endpoint({
  method: "PATCH",
  path: "/api/v1/projects/{projectId}",
  summary: "Rename a project or change its PII redaction",
  auth: "session",
  permission: "project:update",
  params: projectIdParams,
  body: updateProjectSchema,
  response: projectSettingsSchema,
  answers: "Updated",
  handler: ({ database, params, body }) => updateProject(database, params.projectId, body),
});

export const memberListRoute = endpoint({
  method: "GET",
  path: "/api/v1/projects/{projectId}/members",
  summary: "Members and their roles",
  auth: "session",
  permission: "members:read",
  params: projectIdParams,
  response: memberListSchema,
  answers: "Members",
  handler: async ({ database, params }) => ({ data: await listMembers(database, params.projectId) }),
});

export const changeMemberRoleRoute = endpoint({
  method: "PATCH",
  path: "/api/v1/projects/{projectId}/members/{memberId}",
  summary: "Change a member's role",
  auth: "session",
  permission: "members:manage",
  params: memberParams,
  body: updateMemberSchema,
  response: memberSchema,
  answers: "Changed",
  handler: ({ database, params, caller, body }) =>
    changeMemberRole(database, params.projectId, memberCaller(caller).role, params.memberId, body.role),
});

export const removeMemberRoute = endpoint({
  method: "DELETE",
  path: "/api/v1/projects/{projectId}/members/{memberId}",
  summary: "Remove a member",
  auth: "session",
  permission: "members:manage",
  params: memberParams,
  answers: "Removed",
  handler: ({ database, params, caller, now }) => removeMember(database, params.projectId, memberCaller(caller).role, params.memberId, now),
});

export const projectEndpoints = [
  currentProjectRoute,
  projectListRoute,
  createProjectRoute,
  updateProjectRoute,
  memberListRoute,
  changeMemberRoleRoute,
  removeMemberRoute,
] as const;
