import { apiRoute } from "@/server/api/route";
import { projectIdParams } from "@/contracts/common";
import { updateProjectSchema } from "@/contracts/projects";
import { renameProject } from "@/server/projects/projects";

export const PATCH = apiRoute({
  auth: "session",
  permission: "project:update",
  params: projectIdParams,
  body: updateProjectSchema,
  handler: ({ database, params, body }) => renameProject(database, params.projectId, body.name),
});
