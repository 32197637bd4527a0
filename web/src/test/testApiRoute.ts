import { NextRequest } from "next/server";
import { createApiRoute, type RouteHandler } from "@/server/api/route";
import { createRateLimiter } from "@/server/api/rateLimiter";
import type { Database } from "@/server/db/client";

/**
 * The real API wrapper over a test database, with a fixed clock, a rate limit no test
 * reaches and nobody signed in: endpoints are called with API keys, as servers call them.
 */
export function testApiRoute(database: Database, now: Date) {
  return createApiRoute({
    database: () => database,
    rateLimiter: () => createRateLimiter(100_000),
    sessionUser: () => Promise.resolve(null),
    now: () => now,
  });
}

/** Calls a wrapped endpoint with a key as `Authorization: Bearer`, a JSON body and path parameters. */
export function callWithKey(
  handler: RouteHandler,
  key: string,
  init: { method?: string; path: string; body?: unknown; params?: Record<string, string> },
): Promise<Response> {
  const request = new NextRequest(`http://liveloop.test${init.path}`, {
    method: init.method ?? "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: init.body === undefined ? null : JSON.stringify(init.body),
  });
  return handler(request, { params: Promise.resolve(init.params ?? {}) });
}
