import { z } from "zod";
import { env } from "@/env";
import { NotFoundError } from "@/server/errors";

/** The wrapped benchmark endpoint parses a query like a real list endpoint would. */
export const benchQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) }).strict();

export function assertBenchRoutesEnabled(): void {
  if (!env().LIVELOOP_BENCH_ROUTES) throw new NotFoundError();
}

export function benchRoutesEnabled(): boolean {
  return env().LIVELOOP_BENCH_ROUTES;
}
