// Made by `npm run routes -w @liveloop/web` from the endpoint list (server/api/endpoints.ts): edit that, not this.
import { routeHandlers } from "@/server/api/endpoints";

export const dynamic = "force-dynamic";
export const { POST, GET } = routeHandlers("/api/v1/datasets/{name}/runs");
