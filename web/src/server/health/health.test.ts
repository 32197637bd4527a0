import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import type { PrismaClient } from "@/generated/prisma/client";
import { createApiRoute, type RouteDependencies } from "@/server/api/route";
import { createRateLimiter } from "@/server/api/rateLimiter";
import { checkHealth } from "@/server/health/health";
import type { Database } from "@/server/db/client";
import { testDatabaseKinds, useTestDatabase, type TestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";
import { openPostgresBehindProxy, type TcpProxy } from "@/test/tcpProxy";

function dependencies(database: Database): RouteDependencies {
  const limiter = createRateLimiter(1000);
  return { database: () => database, rateLimiter: () => limiter, sessionUser: () => Promise.resolve(null), now: () => new Date() };
}

describe.each(await testDatabaseKinds())("health on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("reports ok when the database answers", async () => {
    expect(await checkHealth(test.database)).toEqual({ status: "ok", database: "ok" });
  });
});

// Cutting the connection needs a database on the other end of a socket: PostgreSQL only.
describe.runIf((await testDatabaseKinds()).includes("postgresql"))("while PostgreSQL is unreachable", () => {
  let test: TestDatabase;
  let proxy: TcpProxy;
  let database: PrismaClient;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ test, proxy, database, close } = await openPostgresBehindProxy());
  });
  afterAll(() => close());

  it("answers 503 with Retry-After on health and on the API, then recovers by itself", async () => {
    const { secretKey } = await createProjectWithKeys(test.database);
    const route = createApiRoute(dependencies(database));
    const health = route({ auth: "none", handler: ({ database: d }) => checkHealth(d) });
    const projects = route({ auth: "key", permission: "project:read", handler: ({ database: d }) => d.project.count() });
    const get = (handler: typeof health, headers: Record<string, string> = {}) =>
      handler(new NextRequest("http://liveloop.test/x", { headers }), {});

    expect((await get(health)).status).toBe(200);
    await proxy.cut();
    for (const response of [await get(health), await get(projects, { authorization: `Bearer ${secretKey.key}` })]) {
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
    await proxy.restore();
    await expect.poll(async () => (await get(health)).status, { timeout: 10_000 }).toBe(200);
    expect((await get(projects, { authorization: `Bearer ${secretKey.key}` })).status).toBe(200);
  });
});
