import { apiRoute } from "@/server/api/route";
import { projectIdParams } from "@/contracts/common";
import { updateProjectSchema } from "@/contracts/projects";
import { updateProject } from "@/server/projects/projects";

export const PATCH = apiRoute({
  auth: "session",
  permission: "project:update",
  params: projectIdParams,
  body: updateProjectSchema,
  handler: ({ database, params, body }) => updateProject(database, params.projectId, body),
});
