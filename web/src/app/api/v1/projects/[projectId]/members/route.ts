import { apiRoute } from "@/server/api/route";
import { memberCaller } from "@/server/api/caller";
import { projectIdParams } from "@/contracts/common";
import { addMemberSchema } from "@/contracts/members";
import { addMember, listMembers } from "@/server/projects/members";

export const GET = apiRoute({
  auth: "session",
  permission: "members:read",
  params: projectIdParams,
  handler: async ({ database, params }) => ({ data: await listMembers(database, params.projectId) }),
});

export const POST = apiRoute({
  auth: "session",
  permission: "members:manage",
  params: projectIdParams,
  body: addMemberSchema,
  status: 201,
  handler: ({ database, params, caller, body }) => addMember(database, params.projectId, memberCaller(caller).role, body),
});
