import { apiRoute } from "@/server/api/route";
import { feedbackTokensRoute } from "@/server/feedback/feedbackRoutes";

export const POST = apiRoute(feedbackTokensRoute);
