import { apiRoute } from "@/server/api/route";
import { createInvitationRoute, invitationListRoute } from "@/server/accounts/accountRoutes";

export const GET = apiRoute(invitationListRoute);
export const POST = apiRoute(createInvitationRoute);
