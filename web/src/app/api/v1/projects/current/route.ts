import { apiRoute } from "@/server/api/route";
import { currentProjectOfKey } from "@/server/projects/projects";

export const GET = apiRoute({
  auth: "key",
  keyKinds: ["secret"],
  permission: "project:read",
  handler: ({ database, caller }) => currentProjectOfKey(database, caller),
});
