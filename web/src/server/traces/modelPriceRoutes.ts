import { endpoint } from "@/server/api/endpoint";
import { projectIdParams } from "@/contracts/common";
import {
  modelPriceInputSchema,
  modelPriceListSchema,
  modelPriceParams,
  modelPriceSchema,
  recomputeResultSchema,
} from "@/contracts/modelPrices";
import { addModelPrice, deleteModelPrice, listModelPrices, recomputeCosts } from "@/server/traces/projectPrices";

export const modelPriceListRoute = endpoint({
  method: "GET",
  path: "/api/v1/projects/{projectId}/model-prices",
  summary: "The project's model prices and the shipped list prices",
  auth: "session",
  permission: "project:read",
  params: projectIdParams,
  response: modelPriceListSchema,
  answers: "Prices",
  handler: ({ database, params }) => listModelPrices(database, params.projectId),
});

export const addModelPriceRoute = endpoint({
  method: "POST",
  path: "/api/v1/projects/{projectId}/model-prices",
  summary: "Add a price for models matching a pattern from a date on",
  auth: "session",
  permission: "project:update",
  params: projectIdParams,
  body: modelPriceInputSchema,
  status: 201,
  response: modelPriceSchema,
  answers: "Added",
  handler: ({ database, params, body }) => addModelPrice(database, params.projectId, body),
});

export const deleteModelPriceRoute = endpoint({
  method: "DELETE",
  path: "/api/v1/projects/{projectId}/model-prices/{priceId}",
  summary: "Remove a project price",
  auth: "session",
  permission: "project:update",
  params: modelPriceParams,
  answers: "Removed",
  handler: ({ database, params }) => deleteModelPrice(database, params.projectId, params.priceId),
});

export const recomputeCostsRoute = endpoint({
  method: "POST",
  path: "/api/v1/projects/{projectId}/model-prices/recompute",
  summary: "Recompute the cost of every trace whose cost was not supplied",
  auth: "session",
  permission: "project:update",
  params: projectIdParams,
  response: recomputeResultSchema,
  answers: "Recomputed",
  handler: ({ database, params }) => recomputeCosts(database, params.projectId),
});

export const modelPriceEndpoints = [modelPriceListRoute, addModelPriceRoute, deleteModelPriceRoute, recomputeCostsRoute] as const;
