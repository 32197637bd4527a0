import { apiRoute } from "@/server/api/route";
import { addDatasetItemsRoute } from "@/server/datasets/datasetRoutes";

export const POST = apiRoute(addDatasetItemsRoute);
