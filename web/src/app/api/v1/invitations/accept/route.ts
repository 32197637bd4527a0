import { apiRoute } from "@/server/api/route";
import { acceptInvitationRoute } from "@/server/accounts/accountRoutes";

export const POST = apiRoute(acceptInvitationRoute);
