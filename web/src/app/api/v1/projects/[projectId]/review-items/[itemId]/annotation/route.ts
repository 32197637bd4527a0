import { apiRoute } from "@/server/api/route";
import { annotateRoute } from "@/server/review/reviewRoutes";

export const PUT = apiRoute(annotateRoute);
