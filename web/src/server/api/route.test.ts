import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { z } from "zod";
import { createApiRoute, type RouteDependencies, type RouteHandler } from "@/server/api/route";
import { createRateLimiter } from "@/server/api/rateLimiter";
import { preflightResponse } from "@/server/api/cors";
import { revokeApiKey } from "@/server/keys/apiKeys";
import type { SessionUser } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { projectIdParams } from "@/contracts/common";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { addMemberWithRole, createProjectWithKeys, signedIn } from "@/test/factories";

const base = "http://liveloop.test";

function dependencies(database: Database, options: { session?: SessionUser | null; perMinute?: number } = {}): RouteDependencies {
  const limiter = createRateLimiter(options.perMinute ?? 1000);
  return {
    database: () => database,
    rateLimiter: () => limiter,
    sessionUser: () => Promise.resolve(options.session ?? null),
    now: () => new Date(),
  };
}

function call(
  handler: RouteHandler,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: BodyInit; params?: Record<string, string> } = {},
) {
  const request = new NextRequest(`${base}${path}`, {
    method: init.method ?? "GET",
    headers: init.headers ?? {},
    body: init.body ?? null,
    duplex: "half",
  });
  return handler(request, { params: Promise.resolve(init.params ?? {}) });
}

async function problem(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return (await response.json()) as { status: number; detail: string; errors?: { path: (string | number)[]; message: string }[] };
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe.each(await testDatabaseKinds())("the API route wrapper on %s", (kind) => {
  const test = useTestDatabase(kind);

  function secretOnly() {
    return createApiRoute(dependencies(test.database))({
      auth: "key",
      keyKinds: ["secret"],
      permission: "project:read",
      handler: ({ caller }) => Promise.resolve({ projectId: caller.type === "key" ? caller.projectId : null }),
    });
  }

  // A write endpoint, so every refusal can be checked for leaving the data as it was.
  function renameEndpoint(deps: RouteDependencies, maxBodyBytes = 256) {
    return createApiRoute(deps)({
      auth: "keyOrSession",
      // Secret keys and admins hold traces:write; annotators do not.
      permission: "traces:write",
      params: projectIdParams,
      body: z.object({ name: z.string().min(1) }).strict(),
      maxBodyBytes,
      handler: ({ database, params, body }) =>
        database.project.update({ where: { id: params.projectId }, data: { name: body.name }, select: { name: true } }),
    });
  }

  it("accepts a secret key and names its project", async () => {
    const { project, secretKey } = await createProjectWithKeys(test.database);
    const response = await call(secretOnly(), "/x", { headers: bearer(secretKey.key) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ projectId: project.id });
  });

  it("answers 401 for a missing, malformed, unknown or revoked key", async () => {
    const { project, secretKey } = await createProjectWithKeys(test.database);
    expect((await call(secretOnly(), "/x")).status).toBe(401);
    expect((await call(secretOnly(), "/x", { headers: { authorization: "Basic abc" } })).status).toBe(401);
    expect((await problem(await call(secretOnly(), "/x", { headers: bearer("sk_unknown_unknown_unknown_unknown") }))).status).toBe(401);
    await revokeApiKey(test.database, project.id, secretKey.id, new Date());
    expect((await problem(await call(secretOnly(), "/x", { headers: bearer(secretKey.key) }))).detail).toMatch(/revoked/);
  });

  it("answers 403 to a public key on a secret-key endpoint", async () => {
    const { publicKey } = await createProjectWithKeys(test.database);
    const body = await problem(await call(secretOnly(), "/x", { headers: bearer(publicKey.key) }));
    expect(body.status).toBe(403);
    expect(body.detail).toMatch(/public key/);
  });

  it("refuses a key on another project's data and changes nothing", async () => {
    const mine = await createProjectWithKeys(test.database);
    const theirs = await createProjectWithKeys(test.database);
    const response = await call(renameEndpoint(dependencies(test.database)), "/x", {
      method: "POST",
      headers: { ...bearer(theirs.secretKey.key), "content-type": "application/json" },
      body: JSON.stringify({ name: "hijacked" }),
      params: { projectId: mine.project.id },
    });
    expect((await problem(response)).detail).toMatch(/another project/);
    expect((await test.database.project.findUniqueOrThrow({ where: { id: mine.project.id } })).name).toBe(mine.project.name);
  });

  it("maps body faults to 400, 413 and 415 and leaves the data as it was", async () => {
    const { project, secretKey } = await createProjectWithKeys(test.database);
    const endpoint = renameEndpoint(dependencies(test.database));
    const send = (body: BodyInit, headers: Record<string, string>) =>
      call(endpoint, "/x", { method: "POST", headers: { ...bearer(secretKey.key), ...headers }, body, params: { projectId: project.id } });

    expect((await problem(await send("{not json", { "content-type": "application/json" }))).detail).toMatch(/not valid JSON/);
    const invalid = await problem(await send(JSON.stringify({ name: "" }), { "content-type": "application/json" }));
    expect(invalid.errors?.[0]?.path).toEqual(["name"]);
    expect((await send(JSON.stringify({ name: "x" }), { "content-type": "text/xml" })).status).toBe(415);
    expect((await send(JSON.stringify({ name: "x".repeat(300) }), { "content-type": "application/json" })).status).toBe(413);
    // A body streamed without Content-Length is counted as it arrives.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode(`{"name":"${"y".repeat(40)}`));
        controller.close();
      },
    });
    expect((await send(stream, { "content-type": "application/json" })).status).toBe(413);
    expect((await test.database.project.findUniqueOrThrow({ where: { id: project.id } })).name).toBe(project.name);

    const ok = await send(JSON.stringify({ name: "Renamed" }), { "content-type": "application/json; charset=utf-8" });
    expect(await ok.json()).toEqual({ name: "Renamed" });
  });

  it("checks a signed-in person's role in the project", async () => {
    const { project, owner } = await createProjectWithKeys(test.database);
    const annotator = await addMemberWithRole(test.database, project.id, "annotator");
    const send = (session: SessionUser | null, headers: Record<string, string> = {}) =>
      call(renameEndpoint(dependencies(test.database, { session })), "/x", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ name: "By session" }),
        params: { projectId: project.id },
      });
    expect((await send(null)).status).toBe(401);
    expect(
      (await send({ id: annotator.id, email: annotator.email, name: null, isInstanceAdmin: false, sessionId: randomUUID() })).status,
    ).toBe(403);
    expect(
      (
        await send(
          { id: owner.id, email: owner.email, name: null, isInstanceAdmin: false, sessionId: randomUUID() },
          { origin: "https://evil.example" },
        )
      ).status,
    ).toBe(403);
    expect((await test.database.project.findUniqueOrThrow({ where: { id: project.id } })).name).toBe(project.name);
    expect(
      (await send({ id: owner.id, email: owner.email, name: null, isInstanceAdmin: false, sessionId: randomUUID() }, { origin: base }))
        .status,
    ).toBe(200);
  });

  it("refuses a state change from another origin: scheme and port count, and `null` or a malformed Origin is 403, never 500", async () => {
    const { project, owner } = await createProjectWithKeys(test.database);
    const session = signedIn(owner);
    const send = (headers: Record<string, string>) =>
      call(renameEndpoint(dependencies(test.database, { session })), "/x", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ name: "By session" }),
        params: { projectId: project.id },
      });
    for (const origin of [
      "https://liveloop.test",
      "http://liveloop.test:8080",
      "http://evil.liveloop.test",
      "null",
      "::not an origin",
      "file://",
    ]) {
      const response = await send({ origin });
      expect([origin, response.status]).toEqual([origin, 403]);
      expect((await problem(response)).detail).toMatch(/Cross-site/);
    }
    expect((await test.database.project.findUniqueOrThrow({ where: { id: project.id } })).name).toBe(project.name);
    // The default port is the same origin, written or not.
    expect((await send({ origin: "http://liveloop.test:80" })).status).toBe(200);
  });

  it("takes the request's own origin from X-Forwarded-Proto/Host, which the web server sets", async () => {
    const { project, owner } = await createProjectWithKeys(test.database);
    const session = signedIn(owner);
    const send = (origin: string) =>
      call(renameEndpoint(dependencies(test.database, { session })), "/x", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin,
          "x-forwarded-proto": "https",
          "x-forwarded-host": "console.example.com",
          host: "10.0.0.7:3000",
        },
        body: JSON.stringify({ name: "Behind a proxy" }),
        params: { projectId: project.id },
      });
    expect((await send("http://console.example.com")).status).toBe(403);
    expect((await send("https://10.0.0.7:3000")).status).toBe(403);
    expect((await send("https://console.example.com")).status).toBe(200);
  });

  it("refuses form body types on session routes, with or without a body, since other sites can send them without a preflight", async () => {
    const { project, owner } = await createProjectWithKeys(test.database);
    const session = signedIn(owner);
    // Body-less, as publishing or rotating a secret is: nothing about the body is checked otherwise.
    const touch = createApiRoute(dependencies(test.database, { session }))({
      auth: "session",
      permission: "project:update",
      params: projectIdParams,
      handler: async ({ database, params }) => {
        await database.project.update({ where: { id: params.projectId }, data: { name: "Touched" } });
        return undefined;
      },
    });
    for (const contentType of ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain;charset=UTF-8"]) {
      for (const origin of [{}, { origin: base }] as Record<string, string>[]) {
        const response = await call(touch, "/x", {
          method: "POST",
          headers: { "content-type": contentType, ...origin },
          body: "a=b",
          params: { projectId: project.id },
        });
        expect([contentType, response.status]).toEqual([contentType, 415]);
      }
    }
    expect((await test.database.project.findUniqueOrThrow({ where: { id: project.id } })).name).toBe(project.name);
    expect((await call(touch, "/x", { method: "POST", headers: { origin: base }, params: { projectId: project.id } })).status).toBe(204);
  });

  it("answers a path parameter that does not parse 404, or 400 naming it where the spec says names are the caller's", async () => {
    const { secretKey } = await createProjectWithKeys(test.database);
    const declare = (invalidParams?: "badRequest") =>
      createApiRoute(dependencies(test.database))({
        auth: "key",
        params: z.object({ name: z.string().regex(/^[a-z]+$/) }).strict(),
        ...(invalidParams ? { invalidParams } : {}),
        handler: ({ params }) => Promise.resolve(params),
      });
    const send = (handler: RouteHandler) => call(handler, "/x", { headers: bearer(secretKey.key), params: { name: "no spaces please" } });
    expect((await problem(await send(declare()))).status).toBe(404);
    const invalid = await problem(await send(declare("badRequest")));
    expect(invalid.status).toBe(400);
    expect(invalid.detail).toMatch(/parameter name/);
    expect(invalid.errors?.[0]?.path).toEqual(["name"]);
  });

  it("marks every answer nosniff, refusals included", async () => {
    const { secretKey } = await createProjectWithKeys(test.database);
    expect((await call(secretOnly(), "/x", { headers: bearer(secretKey.key) })).headers.get("x-content-type-options")).toBe("nosniff");
    expect((await call(secretOnly(), "/x")).headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("rate-limits per key with Retry-After", async () => {
    const { secretKey } = await createProjectWithKeys(test.database);
    const endpoint = createApiRoute(dependencies(test.database, { perMinute: 2 }))({
      auth: "key",
      handler: () => Promise.resolve({ ok: true }),
    });
    expect((await call(endpoint, "/x", { headers: bearer(secretKey.key) })).status).toBe(200);
    expect((await call(endpoint, "/x", { headers: bearer(secretKey.key) })).status).toBe(200);
    const limited = await call(endpoint, "/x", { headers: bearer(secretKey.key) });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBe(30);
  });

  it("lets a public key's browser origins through CORS and refuses others readably, running nothing", async () => {
    const { publicKey } = await createProjectWithKeys(test.database, { allowedOrigins: ["https://chat.example.test"] });
    let handled = 0;
    const endpoint = createApiRoute(dependencies(test.database))({
      auth: "key",
      permission: "feedback:write",
      handler: () => Promise.resolve({ handled: ++handled }),
    });
    const allowed = await call(endpoint, "/x", { headers: { ...bearer(publicKey.key), origin: "https://chat.example.test" } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://chat.example.test");
    // The refused page can read the 403 (so the widget drops the events instead of
    // retrying a "network error"), and learns nothing beyond its own origin.
    for (const origin of ["https://evil.example", "http://chat.example.test", "null"]) {
      const refused = await call(endpoint, "/x", { headers: { ...bearer(publicKey.key), origin } });
      expect(refused.status).toBe(403);
      expect(refused.headers.get("access-control-allow-origin")).toBe(origin);
      expect(refused.headers.get("vary")).toMatch(/Origin/);
      const body = await problem(refused);
      expect(body).toEqual({
        type: "urn:liveloop:problem:forbidden",
        title: "Forbidden",
        status: 403,
        detail: `Origin ${origin} is not allowed for this key`,
      });
    }
    expect(handled).toBe(1);
    // Without an Origin header the request is from no page of the list: refused too
    // (servers use a secret key, or a public key that allows *).
    expect((await call(endpoint, "/x", { headers: bearer(publicKey.key) })).status).toBe(403);
    expect(handled).toBe(1);
  });

  it("accepts the key in the query string and a text/plain body where sendBeacon needs it", async () => {
    const { publicKey } = await createProjectWithKeys(test.database);
    const endpoint = createApiRoute(dependencies(test.database))({
      auth: "key",
      keyInQuery: true,
      acceptTextPlain: true,
      query: z.object({}).strict(),
      body: z.object({ n: z.number() }),
      handler: ({ body }) => Promise.resolve(body),
    });
    const response = await call(endpoint, `/x?key=${publicKey.key}`, {
      method: "POST",
      // A beacon from a page carries its Origin like any cross-origin request.
      headers: { "content-type": "text/plain;charset=UTF-8", origin: "https://chat.example.test" },
      body: '{"n":1}',
    });
    expect(await response.json()).toEqual({ n: 1 });
  });
});

describe("CORS preflight", () => {
  it("answers any origin, since preflights carry no key; the real request is checked", () => {
    const response = preflightResponse(new Request(`${base}/x`, { method: "OPTIONS", headers: { origin: "https://a.example" } }), ["POST"]);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://a.example");
    expect(response.headers.get("access-control-allow-headers")).toMatch(/Authorization/);
  });
});
