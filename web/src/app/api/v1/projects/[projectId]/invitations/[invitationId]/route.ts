import { apiRoute } from "@/server/api/route";
import { revokeInvitationRoute } from "@/server/accounts/accountRoutes";

export const DELETE = apiRoute(revokeInvitationRoute);
