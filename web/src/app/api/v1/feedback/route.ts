import { apiRoute } from "@/server/api/route";
import { preflightResponse } from "@/server/api/cors";
import { feedbackIngestRoute, feedbackListRoute } from "@/server/feedback/feedbackRoutes";

export const POST = apiRoute(feedbackIngestRoute);
export const GET = apiRoute(feedbackListRoute);

export function OPTIONS(request: Request): Response {
  return preflightResponse(request, ["POST"]);
}
