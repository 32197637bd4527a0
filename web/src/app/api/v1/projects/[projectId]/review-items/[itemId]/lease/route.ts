import { apiRoute } from "@/server/api/route";
import { renewLeaseRoute } from "@/server/review/reviewRoutes";

export const POST = apiRoute(renewLeaseRoute);
