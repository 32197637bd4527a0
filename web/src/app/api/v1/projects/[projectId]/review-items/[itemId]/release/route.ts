import { apiRoute } from "@/server/api/route";
import { releaseRoute } from "@/server/review/reviewRoutes";

export const POST = apiRoute(releaseRoute);
