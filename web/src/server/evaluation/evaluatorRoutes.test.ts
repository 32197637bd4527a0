import { describe, expect, it } from "vitest";
import type { RouteHandler } from "@/server/api/route";
import { callWithKey, testApiRoute } from "@/test/testApiRoute";
import { evaluatorCreateRoute, evaluatorListRoute, evaluatorUpdateRoute } from "@/server/evaluation/evaluatorRoutes";
import type { Database } from "@/server/db/client";
import { decryptSecret, secretPurposes } from "@/server/auth/secretBox";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";

const now = new Date("2026-11-27T10:00:00.000Z");
const secret = "test-instance-secret-0123456789abcdefghijkl";

function routes(database: Database) {
  const apiRoute = testApiRoute(database, now);
  return { create: apiRoute(evaluatorCreateRoute), list: apiRoute(evaluatorListRoute), update: apiRoute(evaluatorUpdateRoute) };
}

const call = (
  handler: RouteHandler,
  key: string,
  init: { method?: string; path?: string; body?: unknown; params?: Record<string, string> },
) => callWithKey(handler, key, { ...init, path: init.path ?? "/api/v1/evaluators" });

interface Problem {
  detail: string;
  errors?: { path: (string | number)[]; message: string }[];
}

const judge = { baseUrl: "http://127.0.0.1:9/v1", model: "gpt-4o-mini", apiKey: "sk-judge-secret", rubric: "faithfulness" };

describe.each(await testDatabaseKinds())("evaluator endpoints on %s", (kind) => {
  const test = useTestDatabase(kind);
  process.env.AUTH_SECRET ??= secret;

  it("refuses an invalid configuration on save, naming the field, and stores nothing", async () => {
    const { secretKey, project } = await createProjectWithKeys(test.database);
    const { create } = routes(test.database);
    const cases: [unknown, string][] = [
      [{ name: "judge", kind: "llm_judge" }, "judge"],
      [{ name: "judge", kind: "llm_judge", judge: { ...judge, baseUrl: "ftp://example.com" } }, "judge.baseUrl"],
      // The cloud metadata service: never called, whatever LIVELOOP_OUTBOUND_ALLOW_PRIVATE says.
      [{ name: "judge", kind: "llm_judge", judge: { ...judge, baseUrl: "http://169.254.169.254/latest" } }, "judge.baseUrl"],
      [{ name: "judge", kind: "llm_judge", judge: { ...judge, dailyBudgetUsd: -1 } }, "judge.dailyBudgetUsd"],
      [{ name: "judge", kind: "llm_judge", judge: { ...judge, rubric: undefined, template: "Rate {{answer}}" } }, "judge.template"],
      [{ name: "tox", kind: "toxicity", samplingRate: 1.5 }, "samplingRate"],
      [{ name: "fmt", kind: "format", jsonSchema: { type: "objekt" } }, "jsonSchema"],
      [{ name: "has space", kind: "refusal" }, "name"],
    ];
    for (const [body, field] of cases) {
      const response = await call(create, secretKey.key, { body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      const problem = (await response.json()) as Problem;
      expect(
        problem.errors?.map((error) => error.path.join(".")),
        JSON.stringify(problem),
      ).toContain(field);
    }
    expect(await test.database.evaluator.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("stores the judge's key encrypted, never answers it, and a rubric change starts a new version", async () => {
    const { secretKey, project } = await createProjectWithKeys(test.database);
    const { create, update, list } = routes(test.database);
    const created = await call(create, secretKey.key, { body: { name: "grounded", kind: "llm_judge", judge } });
    expect(created.status).toBe(201);
    const evaluator = (await created.json()) as { id: string; version: number; judge: { hasApiKey: boolean } };
    expect(evaluator).toMatchObject({ version: 1, judge: { hasApiKey: true } });
    expect(JSON.stringify(evaluator)).not.toContain("sk-judge-secret");
    const row = await test.database.evaluator.findUniqueOrThrow({ where: { id: evaluator.id } });
    expect(row.judgeApiKey).not.toContain("sk-judge-secret");
    expect(decryptSecret(row.judgeApiKey ?? "", secret, secretPurposes.judgeApiKey)).toBe("sk-judge-secret");
    // The judge's score name gets the rubric's range, so a stray answer is refused like any score.
    expect(
      await test.database.scoreConfig.findUnique({ where: { projectId_name: { projectId: project.id, name: "grounded" } } }),
    ).toMatchObject({
      minValue: 0,
      maxValue: 1,
    });

    const params = { evaluatorId: evaluator.id };
    const path = `/api/v1/evaluators/${evaluator.id}`;
    const paused = await call(update, secretKey.key, { method: "PATCH", path, params, body: { enabled: false, samplingRate: 0.1 } });
    expect(await paused.json()).toMatchObject({ enabled: false, samplingRate: 0.1, version: 1 });
    const changed = await call(update, secretKey.key, {
      method: "PATCH",
      path,
      params,
      body: { judge: { ...judge, apiKey: undefined, rubric: "correctness" } },
    });
    expect(await changed.json()).toMatchObject({ version: 2, judge: { rubric: "correctness", hasApiKey: true } });

    const listed = (await (await call(list, secretKey.key, { method: "GET" })).json()) as { data: { id: string }[] };
    expect(listed.data.map(({ id }) => id)).toEqual([evaluator.id]);
  });

  it("shows a format evaluator's schema, and a PATCH with jsonSchema null removes it as a new version", async () => {
    const { secretKey, project } = await createProjectWithKeys(test.database);
    const { create, update, list } = routes(test.database);
    const schema = { type: "object", required: ["answer"] };
    const created = (await (await call(create, secretKey.key, { body: { name: "json", kind: "format", jsonSchema: schema } })).json()) as {
      id: string;
    };
    const listed = (await (await call(list, secretKey.key, { method: "GET" })).json()) as { data: { jsonSchema: unknown }[] };
    expect(listed.data).toMatchObject([{ jsonSchema: schema }]);

    const path = `/api/v1/evaluators/${created.id}`;
    const cleared = await call(update, secretKey.key, {
      method: "PATCH",
      path,
      params: { evaluatorId: created.id },
      body: { jsonSchema: null },
    });
    expect(cleared.status).toBe(200);
    expect(await cleared.json()).toMatchObject({ jsonSchema: null, version: 2 });
    const row = await test.database.project.findUniqueOrThrow({ where: { id: project.id }, select: { answerJsonSchema: true } });
    expect(row.answerJsonSchema).toBeNull();
  });

  it("another project's evaluator is not found, and names are unique per project", async () => {
    const mine = await createProjectWithKeys(test.database);
    const theirs = await createProjectWithKeys(test.database);
    const { create, update } = routes(test.database);
    const created = (await (await call(create, mine.secretKey.key, { body: { name: "pii", kind: "pii_leak" } })).json()) as { id: string };
    expect((await call(create, mine.secretKey.key, { body: { name: "pii", kind: "pii_leak" } })).status).toBe(409);
    const foreign = await call(update, theirs.secretKey.key, {
      method: "PATCH",
      path: `/api/v1/evaluators/${created.id}`,
      params: { evaluatorId: created.id },
      body: { enabled: false },
    });
    expect(foreign.status).toBe(404);
  });
});
