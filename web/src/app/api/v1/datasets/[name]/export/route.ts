import { apiRoute } from "@/server/api/route";
import { exportRoute } from "@/server/datasets/datasetRoutes";

export const GET = apiRoute(exportRoute);
