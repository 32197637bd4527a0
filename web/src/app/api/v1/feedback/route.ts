// Made by `npm run routes -w @liveloop/web` from the endpoint list (server/api/endpoints.ts): edit that, not this.
import { preflightHandler, routeHandlers } from "@/server/api/endpoints";

export const dynamic = "force-dynamic";
export const { POST, GET } = routeHandlers("/api/v1/feedback");
export const OPTIONS = preflightHandler("/api/v1/feedback");
