import { apiRoute } from "@/server/api/route";
import { assertBenchRoutesEnabled, benchQuerySchema } from "@/server/bench/benchRoutes";

// The same no-op behind the full wrapper: key auth (cached), rate limit, zod query parsing.
export const GET = apiRoute({
  auth: "key",
  permission: "project:read",
  query: benchQuerySchema,
  handler: () => {
    assertBenchRoutesEnabled();
    return Promise.resolve({ ok: true });
  },
});
