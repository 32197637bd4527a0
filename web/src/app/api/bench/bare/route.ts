import { benchRoutesEnabled } from "@/server/bench/benchRoutes";

// The baseline for the wrapper-overhead benchmark: a route handler with nothing around it.
export function GET(): Response {
  return benchRoutesEnabled() ? Response.json({ ok: true }) : new Response(null, { status: 404 });
}
