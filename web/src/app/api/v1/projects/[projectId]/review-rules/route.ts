import { apiRoute } from "@/server/api/route";
import { reviewRulesRoute, updateReviewRulesRoute } from "@/server/review/reviewRoutes";

export const GET = apiRoute(reviewRulesRoute);
export const PATCH = apiRoute(updateReviewRulesRoute);
