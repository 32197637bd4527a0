import { z } from "zod";
import { endpoint, type Endpoint, type HttpMethod } from "@/server/api/endpoint";
import { apiRoute, type RouteHandler } from "@/server/api/route";
import { routeMatcher, type RouteMatcher } from "@/server/http/routeTemplates";
import { preflightResponse } from "@/server/api/cors";
import { openApiDocument } from "@/server/api/openApiDocument";
import { accountEndpoints } from "@/server/accounts/accountRoutes";
import { apiKeyEndpoints } from "@/server/keys/apiKeyRoutes";
import { benchWrappedRoute } from "@/server/bench/benchRoutes";
import { datasetEndpoints } from "@/server/datasets/datasetRoutes";
import { datasetRunEndpoints } from "@/server/datasets/runs/datasetRunRoutes";
import { demoChatRoute } from "@/server/demo/demoRoute";
import { feedbackEndpoints } from "@/server/feedback/feedbackRoutes";
import { jobEndpoints } from "@/server/jobs/jobRoutes";
import { metricsEndpoints } from "@/server/metrics/metricsRoutes";
import { releaseEndpoints } from "@/server/releases/releaseRoutes";
import { rolloutEndpoints } from "@/server/releases/rolloutRoutes";
import { otelEndpoints } from "@/server/otel/otlpRoute";
import { projectEndpoints } from "@/server/projects/projectRoutes";
import { reviewEndpoints } from "@/server/review/reviewRoutes";
import { scoreEndpoints } from "@/server/scores/scoreRoutes";
import { evaluatorEndpoints } from "@/server/evaluation/evaluatorRoutes";
import { driftEndpoints } from "@/server/drift/driftRoutes";
import { alertRuleEndpoints } from "@/server/alerts/alertRuleRoutes";
import { alertChannelEndpoints } from "@/server/alerts/alertChannelRoutes";
import { setupEndpoints } from "@/server/setup/setupRoutes";
import { modelPriceEndpoints } from "@/server/traces/modelPriceRoutes";
import { traceEndpoints } from "@/server/traces/traceRoutes";

const openApiRoute = endpoint({
  method: "GET",
  path: "/api/v1/openapi.json",
  summary: "This document",
  auth: "none",
  publicCors: true,
  response: z.looseObject({ openapi: z.literal("3.1.0") }),
  answers: "OpenAPI 3.1 document",
  handler: ({ request }): Promise<ReturnType<typeof openApiDocument>> =>
    Promise.resolve(openApiDocument(endpoints, request.nextUrl.origin)),
});

/**
 * Every endpoint Liveloop serves under /api, each declared once. The route files under
 * app/api export `routeHandlers(path)`, the web server's lean ingest paths are the
 * entries marked `lean`, and /api/v1/openapi.json is generated from this list.
 */
export const endpoints = [
  ...setupEndpoints,
  openApiRoute,
  ...projectEndpoints,
  ...accountEndpoints,
  ...apiKeyEndpoints,
  ...feedbackEndpoints,
  ...traceEndpoints,
  ...scoreEndpoints,
  ...evaluatorEndpoints,
  ...driftEndpoints,
  ...alertRuleEndpoints,
  ...alertChannelEndpoints,
  ...otelEndpoints,
  ...metricsEndpoints,
  ...releaseEndpoints,
  ...rolloutEndpoints,
  ...modelPriceEndpoints,
  ...reviewEndpoints,
  ...datasetEndpoints,
  ...datasetRunEndpoints,
  ...jobEndpoints,
  demoChatRoute,
  benchWrappedRoute,
] as const;

type Declared = (typeof endpoints)[number];
/** The paths endpoints are served at. */
export type EndpointPath = Declared["paths"][number];
/** The methods declared at a path. */
type MethodsAt<TPath extends string> = Declared extends infer E
  ? E extends Endpoint<infer M, infer P>
    ? TPath extends P
      ? M
      : never
    : never
  : never;

/** A path that browsers call with a public key answers CORS preflights (OPTIONS). */
function answersPreflights(path: string): boolean {
  return endpoints.some((candidate) => candidate.browser && (candidate.paths as readonly string[]).includes(path));
}

function methodsAt(path: string): HttpMethod[] {
  return endpoints.filter((candidate) => (candidate.paths as readonly string[]).includes(path)).map((candidate) => candidate.method);
}

function preflightFor(path: string): RouteHandler {
  const methods = methodsAt(path);
  return (request) => Promise.resolve(preflightResponse(request, methods));
}

/**
 * The handlers a route file under app/api exports for its path: each declared method
 * behind the wrapper. The type lists exactly the methods declared there, so a route file
 * cannot export one the registry lacks.
 */
export function routeHandlers<const TPath extends EndpointPath>(path: TPath): Record<MethodsAt<TPath>, RouteHandler> {
  const handlers: Partial<Record<HttpMethod, RouteHandler>> = {};
  for (const declared of endpoints) {
    if ((declared.paths as readonly string[]).includes(path)) handlers[declared.method] = apiRoute(declared);
  }
  return handlers as Record<MethodsAt<TPath>, RouteHandler>;
}

/** OPTIONS for a path that browsers call with a public key. */
export function preflightHandler(path: EndpointPath): RouteHandler {
  if (!answersPreflights(path)) throw new Error(`No endpoint at ${path} is called from browsers`);
  return preflightFor(path);
}

/** Whether a path's route file exports OPTIONS. */
export { answersPreflights };

/**
 * The endpoints the web server answers itself, before Next's request pipeline, keyed
 * `METHOD path`: the same declarations as their route files (which still serve `next dev`
 * and `next start`), minus Next's per-request routing and rendering machinery, which costs
 * more than the ingest itself at high request rates (npm run bench: feedback).
 */
export function leanRouteTable(): Map<string, RouteHandler> {
  const table = new Map<string, RouteHandler>();
  for (const declared of endpoints.filter((candidate) => candidate.lean)) {
    for (const path of declared.paths) {
      table.set(`${declared.method} ${path}`, apiRoute(declared));
      if (answersPreflights(path)) table.set(`OPTIONS ${path}`, preflightFor(path));
    }
  }
  return table;
}

/** The lean table as the web server looks paths up in it (templated paths with their parameters). */
export function leanRouteMatcher(): RouteMatcher {
  return routeMatcher(leanRouteTable());
}
