import { apiRoute } from "@/server/api/route";
import { memberExportRoute } from "@/server/datasets/datasetRoutes";

export const GET = apiRoute(memberExportRoute);
