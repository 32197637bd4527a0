import { apiRoute } from "@/server/api/route";
import { registerWithInvitationRoute } from "@/server/accounts/accountRoutes";

export const POST = apiRoute(registerWithInvitationRoute);
