import { apiRoute } from "@/server/api/route";
import { reviewItemListRoute } from "@/server/review/reviewRoutes";

export const GET = apiRoute(reviewItemListRoute);
