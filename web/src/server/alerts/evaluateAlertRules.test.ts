import { describe, expect, it } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";
import type { Database } from "@/server/db/client";
import { alertRuleInputSchema } from "@/contracts/alerts";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { createAlertRule, getAlertRule } from "@/server/alerts/alertRules";
import { createAlertSilence } from "@/server/alerts/alertSilences";
import { evaluateAlertRules } from "@/server/alerts/evaluateAlertRules";
import { alertEvaluationDependencies } from "@/server/alerts/alertEvaluationDependencies";
import { createAlertChannel } from "@/server/alerts/alertChannels";
import { listFiringAlerts } from "@/server/alerts/firingAlerts";

const t0 = Date.UTC(2026, 10, 28, 8, 0);
const minute = 60_000;
const at = (minutes: number) => new Date(t0 + minutes * minute);
const dependencies = () => ({ ...alertEvaluationDependencies(), afterEnqueue: undefined });

/** 40 requests a minute from `from` to `to`, with `errors` of them failing. */
async function requests(database: Database, projectId: string, from: number, to: number, errors: number) {
  const traces = [];
  for (let m = from; m < to; m++)
    for (let i = 0; i < 40; i++)
      traces.push({
        id: `r${m}-${i}`,
        startTime: new Date(t0 + m * minute + i * 1000).toISOString(),
        endTime: new Date(t0 + m * minute + i * 1000 + 500).toISOString(),
        status: i < errors ? "error" : "ok",
      });
  for (let i = 0; i < traces.length; i += 500) await ingestTraces(database, projectId, traces.slice(i, i + 500));
}

async function errorRule(database: Database, projectId: string, change: object = {}) {
  const channel = await createAlertChannel(
    database,
    projectId,
    { name: `hook ${Math.random()}`, type: "webhook", url: "https://hooks.example.test/a" },
    at(0),
  );
  return createAlertRule(
    database,
    projectId,
    alertRuleInputSchema.parse({
      name: "errors",
      metric: "errorRate",
      windowSeconds: 300,
      condition: { op: "above", threshold: 0.1 },
      forSeconds: 0,
      channels: [channel.id],
      ...change,
    }),
  );
}

const kinds = async (database: Database, ruleId: string) =>
  (await database.alertDelivery.findMany({ where: { ruleId }, orderBy: { createdAt: "asc" } })).map(
    (delivery) => `${(delivery.createdAt.getTime() - t0) / minute} ${delivery.kind}`,
  );

describe.each(await testDatabaseKinds())("alert evaluation on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("evaluates a rule once a minute however often the cycle runs, and lists what fires in the header", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await requests(test.database, project.id, 0, 10, 10);
    const rule = await errorRule(test.database, project.id);
    const first = await evaluateAlertRules(test.database, at(10), dependencies());
    expect(first.evaluated).toBeGreaterThanOrEqual(1);
    const again = await evaluateAlertRules(test.database, new Date(at(10).getTime() + 20_000), dependencies());
    // Other tests' rules may share the database: only this one's count matters.
    expect((await getAlertRule(test.database, project.id, rule.id, at(10))).history).toHaveLength(1);
    expect(again.notifications).toBe(0);
    expect(await kinds(test.database, rule.id)).toEqual(["10 firing"]);
    const firing = await listFiringAlerts(test.database, project.id, at(10));
    expect(firing).toMatchObject([{ ruleId: rule.id, ruleName: "errors", severity: "critical", silenced: false }]);
    expect(firing[0]?.value).toBeCloseTo(0.25, 10);
  });

  it("keeps evaluating other rules when one fails, and shows the failure on the rule", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await requests(test.database, project.id, 0, 10, 10);
    const broken = await errorRule(test.database, project.id, { name: "broken" });
    const working = await errorRule(test.database, project.id, { name: "working" });
    // A rule stored before its metric was renamed (it cannot be saved so today).
    await test.database.alertRule.update({ where: { id: broken.id }, data: { metric: "latencyP97Ms" } });
    const result = await evaluateAlertRules(test.database, at(10), dependencies());
    expect(result.failed).toBeGreaterThanOrEqual(1);
    const brokenView = await getAlertRule(test.database, project.id, broken.id, at(10));
    expect(brokenView.state).toBe("error");
    expect(brokenView.lastError).toMatch(/latencyP97Ms|unknown metric/);
    expect((await getAlertRule(test.database, project.id, working.id, at(10))).state).toBe("firing");
  });

  it("holds notifications back while silenced, and tells what is still true once the silence ends", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await requests(test.database, project.id, 0, 30, 10);
    const rule = await errorRule(test.database, project.id);
    await createAlertSilence(
      test.database,
      project.id,
      { ruleId: rule.id, endsAt: at(20).toISOString(), reason: "known incident" },
      "ops",
      at(9),
    );
    for (let m = 10; m <= 25; m += 5) await evaluateAlertRules(test.database, at(m), dependencies());
    const view = await getAlertRule(test.database, project.id, rule.id, at(25));
    expect(view.history.map((event) => event.to)).toEqual(["firing"]);
    expect(await kinds(test.database, rule.id)).toEqual(["20 firing"]);
  });

  it("after downtime evaluates only the present: an alert that came and went meanwhile sends nothing", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await requests(test.database, project.id, 0, 60, 0);
    await requests(test.database, project.id, 60, 70, 10);
    await requests(test.database, project.id, 70, 120, 0);
    const rule = await errorRule(test.database, project.id);
    await evaluateAlertRules(test.database, at(55), dependencies());
    // Down from 55 to 110: minutes 60-70 had 25 % errors, over before the process came back.
    await evaluateAlertRules(test.database, at(110), dependencies());
    expect(await kinds(test.database, rule.id)).toEqual([]);
    expect((await getAlertRule(test.database, project.id, rule.id, at(110))).state).toBe("ok");
  });

  it("reminds at the reminder interval while firing, and never twice within it", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await requests(test.database, project.id, 0, 40, 10);
    const rule = await errorRule(test.database, project.id, { reminderSeconds: 600 });
    for (let m = 10; m <= 35; m++) await evaluateAlertRules(test.database, at(m), dependencies());
    expect(await kinds(test.database, rule.id)).toEqual(["10 firing", "20 reminder", "30 reminder"]);
  });
});
