import { apiRoute } from "@/server/api/route";
import { completePasswordResetRoute } from "@/server/accounts/accountRoutes";

export const POST = apiRoute(completePasswordResetRoute);
