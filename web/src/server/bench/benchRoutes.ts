import { z } from "zod";
import { env } from "@/env";
import { NotFoundError } from "@/server/errors";
import { endpoint } from "@/server/api/endpoint";

/** The wrapped benchmark endpoint parses a query like a real list endpoint would. */
export const benchQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) }).strict();

export function assertBenchRoutesEnabled(): void {
  if (!env().LIVELOOP_BENCH_ROUTES) throw new NotFoundError();
}

export function benchRoutesEnabled(): boolean {
  return env().LIVELOOP_BENCH_ROUTES;
}

/** The same no-op as /api/bench/bare behind the full wrapper: key auth (cached), rate limit, zod query parsing. */
export const benchWrappedRoute = endpoint({
  method: "GET",
  path: "/api/bench/wrapped",
  summary: "Benchmark: a no-op behind the wrapper (404 unless LIVELOOP_BENCH_ROUTES)",
  internal: true,
  auth: "key",
  permission: "project:read",
  query: benchQuerySchema,
  response: z.object({ ok: z.literal(true) }).strict(),
  answers: "ok",
  handler: () => {
    assertBenchRoutesEnabled();
    return Promise.resolve({ ok: true as const });
  },
});
