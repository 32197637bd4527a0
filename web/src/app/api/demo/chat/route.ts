import { apiRoute } from "@/server/api/route";
import { demoChatRoute } from "@/server/demo/demoRoute";

export const POST = apiRoute(demoChatRoute);
