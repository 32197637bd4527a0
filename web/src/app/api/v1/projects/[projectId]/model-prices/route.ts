import { apiRoute } from "@/server/api/route";
import { projectIdParams } from "@/contracts/common";
import { modelPriceInputSchema } from "@/contracts/modelPrices";
import { addModelPrice, listModelPrices } from "@/server/traces/projectPrices";

export const GET = apiRoute({
  auth: "session",
  permission: "project:read",
  params: projectIdParams,
  handler: ({ database, params }) => listModelPrices(database, params.projectId),
});

export const POST = apiRoute({
  auth: "session",
  permission: "project:update",
  params: projectIdParams,
  body: modelPriceInputSchema,
  status: 201,
  handler: ({ database, params, body }) => addModelPrice(database, params.projectId, body),
});
