import { apiRoute } from "@/server/api/route";
import { claimRoute } from "@/server/review/reviewRoutes";

export const POST = apiRoute(claimRoute);
