import { apiRoute } from "@/server/api/route";
import { removeDatasetItemRoute } from "@/server/datasets/datasetRoutes";

export const DELETE = apiRoute(removeDatasetItemRoute);
