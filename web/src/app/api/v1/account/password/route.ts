import { apiRoute } from "@/server/api/route";
import { changePasswordRoute } from "@/server/accounts/accountRoutes";

export const POST = apiRoute(changePasswordRoute);
