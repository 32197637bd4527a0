import { apiRoute } from "@/server/api/route";
import { checkHealth } from "@/server/health/health";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ auth: "none", publicCors: true, handler: ({ database }) => checkHealth(database) });
