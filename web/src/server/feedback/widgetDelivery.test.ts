import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFeedbackClient, type FeedbackDeliveryError } from "@liveloop/widget/core";
import type { PrismaClient } from "@/generated/prisma/client";
import { createApiRoute } from "@/server/api/route";
import { createRateLimiter } from "@/server/api/rateLimiter";
import { feedbackIngestRoute } from "@/server/feedback/feedbackRoutes";
import { testDatabaseKinds, type TestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";
import { openPostgresBehindProxy, type TcpProxy } from "@/test/tcpProxy";
import { serveRoutes, type RouteServer } from "@/test/routeServer";

// The widget's core, in Node, against the real ingest endpoint over HTTP, with PostgreSQL
// behind a relay the test cuts: the fault the widget's delivery exists for.
const outageMs = 30_000;
const clickEveryMs = 250;

describe.runIf((await testDatabaseKinds()).includes("postgresql"))("widget delivery while the database is down for 30 s", () => {
  let test: TestDatabase;
  let proxy: TcpProxy;
  let database: PrismaClient;
  let closeDatabases: () => Promise<void>;
  let server: RouteServer;
  beforeAll(async () => {
    ({ test, proxy, database, close: closeDatabases } = await openPostgresBehindProxy());
    const route = createApiRoute({
      database: () => database,
      rateLimiter: () => createRateLimiter(1_000_000),
      sessionUser: () => Promise.resolve(null),
      now: () => new Date(),
    });
    server = await serveRoutes({ "POST /api/v1/feedback": route(feedbackIngestRoute) });
  });
  afterAll(async () => {
    await server.close();
    await closeDatabases();
  });

  it("loses nothing and doubles nothing: every click is stored once after the database returns", { timeout: 120_000 }, async () => {
    // The widget's core runs in Node here, which sends no Origin as a page would: a key for any origin.
    const { project, publicKey } = await createProjectWithKeys(test.database, { allowedOrigins: ["*"] });
    const errors: FeedbackDeliveryError[] = [];
    const client = createFeedbackClient({
      endpoint: server.url,
      publicKey: publicKey.key,
      storage: null,
      batchSize: 5,
      flushIntervalMs: 200,
      retry: { baseDelayMs: 200, maxDelayMs: 2_000 },
      onError: (error) => errors.push(error),
    });
    const stored = () => test.database.feedbackEvent.count({ where: { projectId: project.id } });

    const before = client.thumb("answer-0", 1);
    // The first delivery (one flush interval and a request) can take seconds on a busy machine.
    await expect.poll(stored, { timeout: 15_000 }).toBe(1);

    await proxy.cut();
    const clicked = [before.id];
    const outageEnds = Date.now() + outageMs;
    for (let i = 1; Date.now() < outageEnds; i++) {
      clicked.push(client.thumb(`answer-${i}`, i % 2 === 0 ? 1 : -1).id);
      await new Promise((resolve) => setTimeout(resolve, clickEveryMs));
    }
    expect(client.pending()).toBeGreaterThan(100);
    expect(await stored()).toBe(1);
    await proxy.restore();

    await expect.poll(() => client.pending(), { timeout: 30_000, interval: 250 }).toBe(0);
    client.destroy();
    const rows = await test.database.feedbackEvent.findMany({ where: { projectId: project.id }, select: { id: true } });
    expect(rows.map((row) => row.id).sort()).toEqual([...clicked].sort());
    expect(errors).toEqual([]);
  });
});
