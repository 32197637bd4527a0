import { apiRoute } from "@/server/api/route";
import { adjudicateRoute } from "@/server/review/reviewRoutes";

export const PUT = apiRoute(adjudicateRoute);
