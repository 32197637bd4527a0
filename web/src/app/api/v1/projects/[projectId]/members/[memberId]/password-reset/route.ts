import { apiRoute } from "@/server/api/route";
import { memberPasswordResetRoute } from "@/server/accounts/accountRoutes";

export const POST = apiRoute(memberPasswordResetRoute);
