import { apiRoute } from "@/server/api/route";
import { feedbackIngestRoute, feedbackListRoute, feedbackPreflight } from "@/server/feedback/feedbackRoutes";

export const POST = apiRoute(feedbackIngestRoute);
export const GET = apiRoute(feedbackListRoute);
export const OPTIONS = feedbackPreflight;
