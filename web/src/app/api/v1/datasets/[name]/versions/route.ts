import { apiRoute } from "@/server/api/route";
import { publishVersionRoute } from "@/server/datasets/datasetRoutes";

export const POST = apiRoute(publishVersionRoute);
