import { apiRoute } from "@/server/api/route";
import { projectIdParams } from "@/contracts/common";
import { recomputeCosts } from "@/server/traces/projectPrices";

export const POST = apiRoute({
  auth: "session",
  permission: "project:update",
  params: projectIdParams,
  handler: ({ database, params }) => recomputeCosts(database, params.projectId),
});
