import { apiRoute, type RouteHandler } from "@/server/api/route";
import { feedbackIngestRoute, feedbackPreflight } from "@/server/feedback/feedbackRoutes";
import { traceIngestRoute } from "@/server/traces/traceRoutes";

/**
 * The ingest endpoints the web server answers itself, before Next's request pipeline:
 * the same route specs as their files under app/api (which still serve `next dev` and
 * `next start`), minus Next's per-request routing and rendering machinery, which costs
 * more than the ingest itself at high request rates (npm run bench: feedback).
 */
export const leanRoutes = new Map<string, RouteHandler>([
  ["POST /api/v1/feedback", apiRoute(feedbackIngestRoute)],
  ["OPTIONS /api/v1/feedback", feedbackPreflight],
  ["POST /api/v1/traces", apiRoute(traceIngestRoute)],
]);
