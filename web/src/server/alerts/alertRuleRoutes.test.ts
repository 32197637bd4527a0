import { describe, expect, it } from "vitest";
import { callWithKey, testApiRoute } from "@/test/testApiRoute";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";
import type { Database } from "@/server/db/client";
import type { AlertPreview, AlertRuleView } from "@/contracts/alerts";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { refreshRollups } from "@/server/metrics/rollups";
import { saveScoreConfig } from "@/server/scores/scoreConfigs";
import { scoreConfigInputSchema } from "@/contracts/scores";
import { alertPresetDefinition } from "@/contracts/alertPresets";
import { createAlertChannel } from "@/server/alerts/alertChannels";
import {
  alertRuleCreateRoute,
  alertRuleDeleteRoute,
  alertRuleEvaluateRoute,
  alertRuleGetRoute,
  alertRulePreviewRoute,
  alertRuleListRoute,
  alertRuleUpdateRoute,
  alertSilenceCreateRoute,
  alertSilenceEndRoute,
  alertSilenceListRoute,
} from "@/server/alerts/alertRuleRoutes";

const now = new Date("2026-11-28T12:00:30.000Z");

interface Problem {
  errors?: { path: (string | number)[]; message: string }[];
}

function routes(database: Database) {
  const apiRoute = testApiRoute(database, now);
  return {
    create: apiRoute(alertRuleCreateRoute),
    list: apiRoute(alertRuleListRoute),
    get: apiRoute(alertRuleGetRoute),
    update: apiRoute(alertRuleUpdateRoute),
    remove: apiRoute(alertRuleDeleteRoute),
    silence: apiRoute(alertSilenceCreateRoute),
    silences: apiRoute(alertSilenceListRoute),
    endSilence: apiRoute(alertSilenceEndRoute),
  };
}

const latencyRule = { ...alertPresetDefinition("latency_p95").rule, channels: [] };
const hallucinationRule = { ...alertPresetDefinition("hallucination").rule, channels: [] };

/** The paths of the fields a 400 names. */
async function fieldsNamed(response: Response): Promise<string[]> {
  expect(response.status).toBe(400);
  const problem = (await response.json()) as Problem;
  return (problem.errors ?? []).map((issue) => issue.path.join("."));
}

describe.each(await testDatabaseKinds())("alert rule endpoints on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("creates a rule from a preset, lists it, reads it with its state, changes and deletes it", async () => {
    const { secretKey } = await createProjectWithKeys(test.database);
    const api = routes(test.database);
    const created = await callWithKey(api.create, secretKey.key, { path: "/api/v1/alert-rules", body: latencyRule });
    expect(created.status).toBe(201);
    const rule = (await created.json()) as AlertRuleView;
    expect(rule).toMatchObject({
      name: "p95 latency above 5 s",
      metric: "latencyP95Ms",
      metricLabel: "Latency p95",
      windowSeconds: 300,
      forSeconds: 1800,
      minSamples: 30,
      severity: "critical",
      preset: "latency_p95",
      state: "no_data",
      instances: [],
      history: [],
    });

    const listed = await callWithKey(api.list, secretKey.key, { method: "GET", path: "/api/v1/alert-rules" });
    expect(((await listed.json()) as { data: { id: string }[] }).data.map((entry) => entry.id)).toEqual([rule.id]);

    const changed = await callWithKey(api.update, secretKey.key, {
      method: "PATCH",
      path: `/api/v1/alert-rules/${rule.id}`,
      params: { ruleId: rule.id },
      body: { forSeconds: 600, condition: { op: "above", threshold: 8000 } },
    });
    expect(changed.status).toBe(200);
    expect((await changed.json()) as AlertRuleView).toMatchObject({
      forSeconds: 600,
      condition: { op: "above", threshold: 8000 },
      windowSeconds: 300,
    });

    const removed = await callWithKey(api.remove, secretKey.key, {
      method: "DELETE",
      path: `/api/v1/alert-rules/${rule.id}`,
      params: { ruleId: rule.id },
    });
    expect(removed.status).toBe(204);
    const gone = await callWithKey(api.get, secretKey.key, {
      method: "GET",
      path: `/api/v1/alert-rules/${rule.id}`,
      params: { ruleId: rule.id },
    });
    expect(gone.status).toBe(404);
  });

  it("refuses invalid rules with the field named, and stores nothing", async () => {
    const { secretKey, project } = await createProjectWithKeys(test.database);
    const api = routes(test.database);
    const create = (body: object) =>
      callWithKey(api.create, secretKey.key, { path: "/api/v1/alert-rules", body: { ...latencyRule, ...body } });

    expect(await fieldsNamed(await create({ metric: "latencyP96Ms" }))).toEqual(["metric"]);
    expect(await fieldsNamed(await create({ windowSeconds: -60 }))).toEqual(["windowSeconds"]);
    expect(await fieldsNamed(await create({ windowSeconds: 90 }))).toEqual(["windowSeconds"]);
    expect(await fieldsNamed(await create({ metric: "errorRate", condition: { op: "above", threshold: 1.5 } }))).toEqual([
      "condition.threshold",
    ]);
    expect(
      await fieldsNamed(await create({ metric: "reviewQueueSize", groupBy: "model", condition: { op: "above", threshold: 100 } })),
    ).toEqual(["groupBy"]);
    expect(
      await fieldsNamed(await create({ metric: "drift:golden:js_distance", groupBy: "user", condition: { op: "above", threshold: 0.1 } })),
    ).toEqual(["groupBy"]);
    expect(await fieldsNamed(await create({ condition: { op: "above", threshold: 5000, recovery: 6000 } }))).toEqual([
      "condition.recovery",
    ]);
    expect(await fieldsNamed(await create({ condition: { op: "above", threshold: 5000, relativeChange: 0.2 } }))).toEqual([
      "condition.threshold",
    ]);
    expect(await fieldsNamed(await create({ metric: "reviewQueueSize", condition: { op: "above", relativeChange: 0.2 } }))).toEqual([
      "condition.relativeChange",
    ]);
    expect(await fieldsNamed(await create({ channels: ["00000000-0000-4000-8000-000000000000"] }))).toEqual(["channels.0"]);
    expect(await fieldsNamed(await create({ metric: "score:nothing:avg", condition: { op: "above", threshold: 0.5 } }))).toEqual([
      "metric",
    ]);
    expect(await fieldsNamed(await create({ metric: "drift:nobody:js_distance", condition: { op: "above", threshold: 0.1 } }))).toEqual([
      "metric",
    ]);
    await saveScoreConfig(
      test.database,
      project.id,
      "groundedness",
      scoreConfigInputSchema.parse({ dataType: "numeric", minValue: 0, maxValue: 1 }),
    );
    expect(await fieldsNamed(await create({ metric: "score:groundedness:avg", condition: { op: "below", threshold: 2 } }))).toEqual([
      "condition.threshold",
    ]);
    // A built-in score (hallucination, 0..1) needs no config of the project's, but keeps its range;
    // a filter names an evaluator the project has.
    expect(await fieldsNamed(await create({ ...hallucinationRule, condition: { ...hallucinationRule.condition, threshold: 2 } }))).toEqual([
      "condition.threshold",
    ]);
    expect(
      await fieldsNamed(
        await create({ metric: "score:groundedness:avg", filter: { evaluator: "nobody" }, condition: { op: "below", threshold: 0.5 } }),
      ),
    ).toEqual(["filter.evaluator"]);
    expect(await test.database.alertRule.count({ where: { projectId: project.id } })).toBe(0);
    expect((await create({ ...hallucinationRule, name: "hallucination" })).status).toBe(201);

    const first = await create({});
    expect(first.status).toBe(201);
    expect((await create({})).status).toBe(409);
  });

  it("refuses a change that makes the rule invalid and leaves it as it was", async () => {
    const { secretKey } = await createProjectWithKeys(test.database);
    const api = routes(test.database);
    const rule = (await (
      await callWithKey(api.create, secretKey.key, { path: "/api/v1/alert-rules", body: latencyRule })
    ).json()) as AlertRuleView;
    const refused = await callWithKey(api.update, secretKey.key, {
      method: "PATCH",
      path: `/api/v1/alert-rules/${rule.id}`,
      params: { ruleId: rule.id },
      body: { metric: "errorRate" },
    });
    // p95 latency's 5 000 ms threshold is no error rate.
    expect(await fieldsNamed(refused)).toEqual(["condition.threshold", "condition.warning", "condition.recovery"]);
    const read = await callWithKey(api.get, secretKey.key, {
      method: "GET",
      path: `/api/v1/alert-rules/${rule.id}`,
      params: { ruleId: rule.id },
    });
    expect(((await read.json()) as AlertRuleView).metric).toBe("latencyP95Ms");
  });

  it("a change names only what it changes: disabling a rule keeps its channels, its for, its samples and its severity", async () => {
    const { project, secretKey } = await createProjectWithKeys(test.database);
    const api = routes(test.database);
    const channel = await createAlertChannel(test.database, project.id, { name: "on-call", type: "email", to: "oncall@example.com" }, now);
    const created = (await (
      await callWithKey(api.create, secretKey.key, {
        path: "/api/v1/alert-rules",
        body: { ...latencyRule, minSamples: 50, severity: "warning", condition: { op: "above", threshold: 5000 }, channels: [channel.id] },
      })
    ).json()) as AlertRuleView;
    const disabled = await callWithKey(api.update, secretKey.key, {
      method: "PATCH",
      path: `/api/v1/alert-rules/${created.id}`,
      params: { ruleId: created.id },
      body: { enabled: false },
    });
    expect(disabled.status).toBe(200);
    expect((await disabled.json()) as AlertRuleView).toMatchObject({
      enabled: false,
      forSeconds: 1800,
      minSamples: 50,
      severity: "warning",
      channels: [{ id: channel.id, name: "on-call" }],
    });
  });

  it("keeps another project's rules and silences out of reach, and public keys out", async () => {
    const mine = await createProjectWithKeys(test.database);
    const theirs = await createProjectWithKeys(test.database);
    const api = routes(test.database);
    const rule = (await (
      await callWithKey(api.create, theirs.secretKey.key, { path: "/api/v1/alert-rules", body: latencyRule })
    ).json()) as AlertRuleView;
    const read = await callWithKey(api.get, mine.secretKey.key, {
      method: "GET",
      path: `/api/v1/alert-rules/${rule.id}`,
      params: { ruleId: rule.id },
    });
    expect(read.status).toBe(404);
    const silence = await callWithKey(api.silence, mine.secretKey.key, {
      path: "/api/v1/alert-silences",
      body: { ruleId: rule.id, endsAt: "2026-11-28T13:00:00.000Z", reason: "deploy" },
    });
    expect(await fieldsNamed(silence)).toEqual(["ruleId"]);
    const byPublicKey = await callWithKey(api.create, mine.publicKey.key, { path: "/api/v1/alert-rules", body: latencyRule });
    expect(byPublicKey.status).toBe(403);
  });

  it("silences a rule until a time with a reason, shows it on the rule, and ends it early", async () => {
    const { secretKey } = await createProjectWithKeys(test.database);
    const api = routes(test.database);
    const rule = (await (
      await callWithKey(api.create, secretKey.key, { path: "/api/v1/alert-rules", body: latencyRule })
    ).json()) as AlertRuleView;
    const past = await callWithKey(api.silence, secretKey.key, {
      path: "/api/v1/alert-silences",
      body: { ruleId: rule.id, endsAt: "2026-11-28T11:00:00.000Z", reason: "too late" },
    });
    expect(await fieldsNamed(past)).toEqual(["endsAt"]);
    const created = await callWithKey(api.silence, secretKey.key, {
      path: "/api/v1/alert-silences",
      body: { ruleId: rule.id, endsAt: "2026-11-28T14:00:00.000Z", reason: "deploying the new retriever" },
    });
    expect(created.status).toBe(201);
    const silence = (await created.json()) as { id: string; createdBy: string };
    expect(silence.createdBy).toBe("API key");
    const read = (await (
      await callWithKey(api.get, secretKey.key, { method: "GET", path: `/api/v1/alert-rules/${rule.id}`, params: { ruleId: rule.id } })
    ).json()) as AlertRuleView;
    expect(read.silences.map((entry) => entry.reason)).toEqual(["deploying the new retriever"]);

    const ended = await callWithKey(api.endSilence, secretKey.key, {
      method: "DELETE",
      path: `/api/v1/alert-silences/${silence.id}`,
      params: { silenceId: silence.id },
    });
    expect(ended.status).toBe(204);
    const listed = await callWithKey(api.silences, secretKey.key, { method: "GET", path: "/api/v1/alert-silences" });
    expect(((await listed.json()) as { data: unknown[] }).data).toEqual([]);
  });
});

describe.each(await testDatabaseKinds())("alert preview and evaluate-now endpoints on %s", { timeout: 60_000 }, (kind) => {
  const test = useTestDatabase(kind);

  it("previews a rule over 7 days with the spike it would have fired on, then evaluates a saved rule now", async () => {
    const { secretKey, project } = await createProjectWithKeys(test.database);
    const nowMs = Date.parse("2026-11-28T12:00:30.000Z");
    // 40 requests in each 5-minute slot of the last 2 days; slow (9 s) from 30 to 20 hours ago and in the last 20 minutes.
    const traces = [];
    for (let slot = 1; slot <= 576; slot++) {
      const start = nowMs - slot * 300_000;
      const hoursAgo = (nowMs - start) / 3_600_000;
      const slow = (hoursAgo >= 20 && hoursAgo < 30) || hoursAgo <= 1 / 3;
      for (let i = 0; i < 40; i++)
        traces.push({
          id: `p${slot}-${i}`,
          startTime: new Date(start + i * 7000).toISOString(),
          endTime: new Date(start + i * 7000 + (slow ? 9000 : 800)).toISOString(),
        });
    }
    for (let i = 0; i < traces.length; i += 1000) await ingestTraces(test.database, project.id, traces.slice(i, i + 1000));
    await refreshRollups(test.database, project.id);
    const api = routes(test.database);
    const preview = await callWithKey(testApiRoute(test.database, now)(alertRulePreviewRoute), secretKey.key, {
      path: "/api/v1/alert-rules/preview",
      body: { ...latencyRule, forSeconds: 3600 },
    });
    expect(preview.status).toBe(200);
    const body = (await preview.json()) as AlertPreview;
    expect(body.levels).toEqual({ threshold: 5000, warning: 3000, recovery: 4500, warningRecovery: null });
    expect(body.series).toHaveLength(1);
    // The 10-hour spike fires once (after the hour of `for`); the last 20 minutes are too short to.
    expect(body.firings).toHaveLength(1);
    const firing = body.firings[0];
    expect(firing?.severity).toBe("critical");
    expect(Date.parse(firing?.from ?? "")).toBeGreaterThanOrEqual(nowMs - 29 * 3_600_000);
    expect(Date.parse(firing?.to ?? "")).toBeLessThanOrEqual(nowMs - 19 * 3_600_000);

    const rule = (await (
      await callWithKey(api.create, secretKey.key, { path: "/api/v1/alert-rules", body: { ...latencyRule, forSeconds: 0 } })
    ).json()) as AlertRuleView;
    const evaluated = await callWithKey(testApiRoute(test.database, now)(alertRuleEvaluateRoute), secretKey.key, {
      path: `/api/v1/alert-rules/${rule.id}/evaluate`,
      params: { ruleId: rule.id },
    });
    expect(evaluated.status).toBe(200);
    const view = (await evaluated.json()) as AlertRuleView;
    expect(view).toMatchObject({
      state: "firing",
      firingSeverity: "critical",
      history: [{ from: "ok", to: "firing", severity: "critical" }],
    });
  });
});
