import { apiRoute } from "@/server/api/route";
import { projectIdParams } from "@/contracts/common";
import { listMembers } from "@/server/projects/members";

export const GET = apiRoute({
  auth: "session",
  permission: "members:read",
  params: projectIdParams,
  handler: async ({ database, params }) => ({ data: await listMembers(database, params.projectId) }),
});
