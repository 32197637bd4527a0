import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { createApiRoute, type RouteDependencies, type RouteHandler } from "@/server/api/route";
import { createRateLimiter } from "@/server/api/rateLimiter";
import type { SessionUser } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { addDatasetItems, listDatasetItems } from "@/server/datasets/datasets";
import { addDatasetItemsRoute, exportRoute, publishVersionRoute, removeDatasetItemRoute } from "@/server/datasets/datasetRoutes";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { addMemberWithRole, createProjectWithKeys, signedIn } from "@/test/factories";
import { openAiFormatErrors } from "@/test/openaiFineTuningFormat";

const base = "http://liveloop.test";

function routes(database: Database, session: SessionUser | null = null) {
  const dependencies: RouteDependencies = {
    database: () => database,
    rateLimiter: () => createRateLimiter(100_000),
    sessionUser: () => Promise.resolve(session),
    now: () => new Date(),
  };
  const apiRoute = createApiRoute(dependencies);
  return {
    addItems: apiRoute(addDatasetItemsRoute),
    publish: apiRoute(publishVersionRoute),
    exportItems: apiRoute(exportRoute),
    // The same endpoint as `publish`, called by a member under the project's path.
    memberPublish: apiRoute(publishVersionRoute),
    removeItem: apiRoute(removeDatasetItemRoute),
  };
}

function call(
  handler: RouteHandler,
  init: { method: string; params: Record<string, string>; key?: string; body?: string; query?: string },
): Promise<Response> {
  const headers: Record<string, string> = { origin: base };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  if (init.body) headers["content-type"] = "application/json";
  const request = new NextRequest(`${base}/x${init.query ?? ""}`, {
    method: init.method,
    headers,
    body: init.body ?? null,
    duplex: "half",
  });
  return handler(request, { params: Promise.resolve(init.params) });
}

const item = { id: "a", input: [{ role: "user", content: "Question?" }], expectedOutput: "Answer." };

describe.each(await testDatabaseKinds())("dataset endpoints on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("answers a malformed dataset name 400 naming the parameter, on key and console routes", async () => {
    const { project, owner, secretKey } = await createProjectWithKeys(test.database);
    const byKey = routes(test.database);
    const byOwner = routes(test.database, signedIn(owner));
    const bad = { name: "no spaces/or slashes" };
    const answers = [
      await call(byKey.addItems, { method: "POST", key: secretKey.key, params: bad, body: JSON.stringify({ items: [item] }) }),
      await call(byKey.publish, { method: "POST", key: secretKey.key, params: bad }),
      await call(byKey.exportItems, { method: "GET", key: secretKey.key, params: bad, query: "?format=jsonl" }),
      await call(byOwner.memberPublish, { method: "POST", params: { projectId: project.id, ...bad } }),
      await call(byOwner.removeItem, { method: "DELETE", params: { projectId: project.id, ...bad, itemId: randomUUID() } }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      const body = (await answer.json()) as { detail: string; errors: { path: string[] }[] };
      expect(body.detail).toMatch(/parameter name/);
      expect(body.errors.map((error) => error.path)).toEqual([["name"]]);
    }
    expect(await test.database.datasetItem.count({ where: { projectId: project.id } })).toBe(0);
    // A well-formed name that does not exist is still 404.
    expect(
      (await call(byKey.exportItems, { method: "GET", key: secretKey.key, params: { name: "golden" }, query: "?format=jsonl" })).status,
    ).toBe(404);
  });

  it("lets admins, owners and secret keys publish and remove working items, and refuses annotators", async () => {
    const { project, owner, secretKey } = await createProjectWithKeys(test.database);
    await addDatasetItems(test.database, project.id, "golden", [item, { ...item, id: "b" }]);
    const [first] = await listDatasetItems(test.database, project.id, "golden");
    const itemParams = { projectId: project.id, name: "golden", itemId: first?.id ?? "" };
    const annotator = routes(test.database, signedIn(await addMemberWithRole(test.database, project.id, "annotator")));

    expect((await call(annotator.memberPublish, { method: "POST", params: { projectId: project.id, name: "golden" } })).status).toBe(403);
    expect((await call(annotator.removeItem, { method: "DELETE", params: itemParams })).status).toBe(403);
    expect(await test.database.datasetVersion.count({ where: { projectId: project.id } })).toBe(0);
    expect(await listDatasetItems(test.database, project.id, "golden")).toHaveLength(2);

    const admin = routes(test.database, signedIn(await addMemberWithRole(test.database, project.id, "admin")));
    expect((await call(admin.removeItem, { method: "DELETE", params: itemParams })).status).toBe(204);
    const published = await call(routes(test.database, signedIn(owner)).memberPublish, {
      method: "POST",
      params: { projectId: project.id, name: "golden" },
    });
    expect(await published.json()).toEqual({ version: 1, itemCount: 1 });
    const byCi = await call(routes(test.database).publish, { method: "POST", key: secretKey.key, params: { name: "golden" } });
    expect(await byCi.json()).toEqual({ version: 2, itemCount: 1 });
  });

  it("serves export to a key at either path when the project is the key's, and to members under the project only", async () => {
    const { project, owner, secretKey } = await createProjectWithKeys(test.database);
    const other = await createProjectWithKeys(test.database);
    await addDatasetItems(test.database, project.id, "golden", [item]);
    const byKey = routes(test.database);
    expect(
      (await call(byKey.publish, { method: "POST", key: secretKey.key, params: { projectId: project.id, name: "golden" } })).status,
    ).toBe(201);

    const exportAt = (handler: RouteHandler, params: Record<string, string>, key?: string) =>
      call(handler, { method: "GET", params, query: "?format=jsonl", ...(key ? { key } : {}) });
    const viaProjectPath = await exportAt(byKey.exportItems, { projectId: project.id, name: "golden" }, secretKey.key);
    expect(viaProjectPath.status).toBe(200);
    expect(await viaProjectPath.text()).toContain("Question?");
    // Another project's key cannot reach this project's dataset by naming it in the path.
    expect((await exportAt(byKey.exportItems, { projectId: project.id, name: "golden" }, other.secretKey.key)).status).toBe(403);

    const byOwner = routes(test.database, signedIn(owner));
    expect((await exportAt(byOwner.exportItems, { projectId: project.id, name: "golden" })).status).toBe(200);
    // A session names no project on the key path.
    expect((await exportAt(byOwner.exportItems, { name: "golden" })).status).toBe(403);
    expect(
      (await exportAt(routes(test.database, signedIn(other.owner)).exportItems, { projectId: project.id, name: "golden" })).status,
    ).toBe(403);
  });

  it("takes tool-call items through the API, answers an inconsistent one 400 with its path, and exports what OpenAI's checks accept", async () => {
    const { secretKey } = await createProjectWithKeys(test.database);
    const api = routes(test.database);
    const params = { name: "agent" };
    const question = { role: "user", content: "Where is order 10482?" };
    const lookup = {
      role: "assistant",
      content: null,
      tool_calls: [{ id: "call_1", type: "function", function: { name: "lookup_order", arguments: '{"order_id":"10482"}' } }],
    };
    const items = [
      { id: "calls", input: [question], expectedOutput: lookup, rejectedOutput: "It arrives tomorrow." },
      {
        id: "uses",
        input: [question, lookup, { role: "tool", tool_call_id: "call_1", content: '{"eta":"Thursday"}' }],
        expectedOutput: "Thursday.",
      },
      { id: "orphan", input: [question, { role: "tool", tool_call_id: "call_7", content: "{}" }], expectedOutput: "Thursday." },
      { id: "blank", input: [question], expectedOutput: "Thursday.", rejectedOutput: "" },
    ];
    const added = await call(api.addItems, { method: "POST", key: secretKey.key, params, body: JSON.stringify({ items }) });
    expect(added.status).toBe(207);
    expect(await added.json()).toEqual({
      accepted: ["calls", "uses"],
      duplicates: [],
      rejected: [
        {
          id: "orphan",
          index: 2,
          status: 400,
          message: "input.1.tool_call_id: tool message answers call_7, which no earlier assistant message called",
        },
        { id: "blank", index: 3, status: 400, message: "rejectedOutput: must not be empty: give the answer's text or its tool_calls" },
      ],
    });
    expect((await call(api.publish, { method: "POST", key: secretKey.key, params })).status).toBe(201);
    const exported = await call(api.exportItems, { method: "GET", key: secretKey.key, params, query: "?format=openai" });
    expect(exported.status).toBe(200);
    const text = await exported.text();
    expect(text.trim().split("\n")).toHaveLength(2);
    expect(openAiFormatErrors(text)).toEqual({});
    expect(text).toContain(JSON.stringify({ messages: [question, lookup] }));
  });
});
