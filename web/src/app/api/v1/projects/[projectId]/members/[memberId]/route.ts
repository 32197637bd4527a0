import { apiRoute } from "@/server/api/route";
import { memberCaller } from "@/server/api/caller";
import { memberParams, updateMemberSchema } from "@/contracts/members";
import { changeMemberRole, removeMember } from "@/server/projects/members";

export const PATCH = apiRoute({
  auth: "session",
  permission: "members:manage",
  params: memberParams,
  body: updateMemberSchema,
  handler: ({ database, params, caller, body }) =>
    changeMemberRole(database, params.projectId, memberCaller(caller).role, params.memberId, body.role),
});

export const DELETE = apiRoute({
  auth: "session",
  permission: "members:manage",
  params: memberParams,
  handler: ({ database, params, caller, now }) => removeMember(database, params.projectId, memberCaller(caller).role, params.memberId, now),
});
