import { apiRoute } from "@/server/api/route";
import { signOutEverywhereRoute } from "@/server/accounts/accountRoutes";

export const DELETE = apiRoute(signOutEverywhereRoute);
