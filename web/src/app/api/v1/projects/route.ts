import { apiRoute } from "@/server/api/route";
import { signedInUserId } from "@/server/api/caller";
import { createProjectSchema } from "@/contracts/projects";
import { createProjectAsUser, listProjectsForUser } from "@/server/projects/projects";

export const GET = apiRoute({
  auth: "session",
  handler: async ({ database, caller }) => ({ data: await listProjectsForUser(database, signedInUserId(caller)) }),
});

export const POST = apiRoute({
  auth: "session",
  body: createProjectSchema,
  status: 201,
  handler: ({ database, caller, body }) => createProjectAsUser(database, caller, body.name),
});
