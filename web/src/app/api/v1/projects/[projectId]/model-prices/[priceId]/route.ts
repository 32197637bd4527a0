import { apiRoute } from "@/server/api/route";
import { modelPriceParams } from "@/contracts/modelPrices";
import { deleteModelPrice } from "@/server/traces/projectPrices";

export const DELETE = apiRoute({
  auth: "session",
  permission: "project:update",
  params: modelPriceParams,
  handler: ({ database, params }) => deleteModelPrice(database, params.projectId, params.priceId),
});
