import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { createApiRoute, type RouteDependencies, type RouteHandler } from "@/server/api/route";
import { createRateLimiter } from "@/server/api/rateLimiter";
import { clientAddressHeader } from "@/server/http/forwardedHeaders";
import { feedbackIngestRoute } from "@/server/feedback/feedbackRoutes";
import type { SessionUser } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { updateApiKeyRoute } from "@/server/keys/apiKeyRoutes";
import { addMemberWithRole, createProjectWithKeys, signedIn } from "@/test/factories";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";

const site = "https://chat.example.test";

function routes(database: Database, options: { perMinute?: number; session?: SessionUser | null } = {}) {
  const limiter = createRateLimiter(options.perMinute ?? 100_000);
  const dependencies: RouteDependencies = {
    database: () => database,
    rateLimiter: () => limiter,
    sessionUser: () => Promise.resolve(options.session ?? null),
    now: () => new Date(),
  };
  const apiRoute = createApiRoute(dependencies);
  return { ingest: apiRoute(feedbackIngestRoute), updateKey: apiRoute(updateApiKeyRoute) };
}

function sendFeedback(handler: RouteHandler, init: { key: string; origin?: string; clientAddress?: string; query?: boolean }) {
  const headers: Record<string, string> = { "content-type": init.query ? "text/plain;charset=UTF-8" : "application/json" };
  if (!init.query) headers.authorization = `Bearer ${init.key}`;
  if (init.origin) headers.origin = init.origin;
  if (init.clientAddress) headers[clientAddressHeader] = init.clientAddress;
  const events = [{ id: randomUUID(), type: "thumb", value: -1, traceId: "answer-1", timestamp: new Date().toISOString() }];
  return handler(
    new NextRequest(`http://liveloop.test/api/v1/feedback${init.query ? `?key=${init.key}` : ""}`, {
      method: "POST",
      headers,
      body: JSON.stringify({ events }),
      duplex: "half",
    }),
    {},
  );
}

function patchKey(handler: RouteHandler, projectId: string, keyId: string, allowedOrigins: unknown) {
  return handler(
    new NextRequest(`http://liveloop.test/api/v1/projects/${projectId}/api-keys/${keyId}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ allowedOrigins }),
      duplex: "half",
    }),
    { params: Promise.resolve({ projectId, keyId }) },
  );
}

describe.each(await testDatabaseKinds())("a public key's allowed origins on %s", (kind) => {
  const test = useTestDatabase(kind);
  const stored = (projectId: string) => test.database.feedbackEvent.count({ where: { projectId } });

  it("requires a matching Origin from a key with an origin list: a request without one is refused (403)", async () => {
    const { project, publicKey } = await createProjectWithKeys(test.database, { allowedOrigins: [site] });
    const { ingest } = routes(test.database);
    const refused = await sendFeedback(ingest, { key: publicKey.key });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/sent no Origin header/);
    expect((await sendFeedback(ingest, { key: publicKey.key, query: true })).status).toBe(403);
    // A browser page on the list, and sendBeacon from it (which carries Origin too).
    expect((await sendFeedback(ingest, { key: publicKey.key, origin: site })).status).toBe(200);
    expect((await sendFeedback(ingest, { key: publicKey.key, origin: site, query: true })).status).toBe(200);
    expect(await stored(project.id)).toBe(2);
  });

  it("refuses a key with an empty list without an Origin, and takes the app's own pages", async () => {
    const { publicKey } = await createProjectWithKeys(test.database, { allowedOrigins: [] });
    const { ingest } = routes(test.database);
    expect((await sendFeedback(ingest, { key: publicKey.key })).status).toBe(403);
    expect((await sendFeedback(ingest, { key: publicKey.key, origin: "http://liveloop.test" })).status).toBe(200);
  });

  it("takes requests from anywhere, Origin or not, with a key that allows *", async () => {
    const { publicKey } = await createProjectWithKeys(test.database, { allowedOrigins: ["*"] });
    const { ingest } = routes(test.database);
    expect((await sendFeedback(ingest, { key: publicKey.key })).status).toBe(200);
    expect((await sendFeedback(ingest, { key: publicKey.key, origin: "https://elsewhere.example.test" })).status).toBe(200);
  });

  it("lets an owner change a key's origins, effective at once; other roles, secret keys and bad origins are refused", async () => {
    const { project, owner, publicKey, secretKey } = await createProjectWithKeys(test.database, { allowedOrigins: [site] });
    const newSite = "https://new.example.test";
    // Cached as allowing only `site`.
    expect((await sendFeedback(routes(test.database).ingest, { key: publicKey.key, origin: newSite })).status).toBe(403);

    const { updateKey, ingest } = routes(test.database, { session: signedIn(owner) });
    const updated = await patchKey(updateKey, project.id, publicKey.id, [`${newSite}/some/path`, "*"]);
    expect(updated.status).toBe(200);
    expect(((await updated.json()) as { allowedOrigins: string[] }).allowedOrigins).toEqual([newSite, "*"]);
    expect((await sendFeedback(ingest, { key: publicKey.key, origin: newSite })).status).toBe(200);
    expect((await sendFeedback(ingest, { key: publicKey.key })).status).toBe(200);

    expect((await patchKey(updateKey, project.id, publicKey.id, [site])).status).toBe(200);
    expect((await sendFeedback(ingest, { key: publicKey.key })).status).toBe(403);

    expect((await patchKey(updateKey, project.id, secretKey.id, [site])).status).toBe(400);
    expect((await patchKey(updateKey, project.id, publicKey.id, ["ftp://files.example.test"])).status).toBe(400);
    expect((await patchKey(updateKey, project.id, randomUUID(), [site])).status).toBe(404);

    const annotator = await addMemberWithRole(test.database, project.id, "annotator");
    const asAnnotator = routes(test.database, { session: signedIn(annotator) });
    expect((await patchKey(asAnnotator.updateKey, project.id, publicKey.id, ["*"])).status).toBe(403);
  });
});

describe.each(await testDatabaseKinds())("rate limits of a public key on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("are kept per client address: one browser's flood gets 429, another visitor of the site is still served", async () => {
    const { publicKey } = await createProjectWithKeys(test.database, { allowedOrigins: [site] });
    const { ingest } = routes(test.database, { perMinute: 3 });
    const flood = { key: publicKey.key, origin: site, clientAddress: "203.0.113.9" };
    for (let i = 0; i < 3; i++) expect((await sendFeedback(ingest, flood)).status).toBe(200);
    const limited = await sendFeedback(ingest, flood);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("20");
    expect((await sendFeedback(ingest, { ...flood, clientAddress: "198.51.100.7" })).status).toBe(200);
  });
});
