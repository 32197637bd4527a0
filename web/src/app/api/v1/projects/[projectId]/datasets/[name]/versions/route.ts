import { apiRoute } from "@/server/api/route";
import { memberPublishVersionRoute } from "@/server/datasets/datasetRoutes";

export const POST = apiRoute(memberPublishVersionRoute);
