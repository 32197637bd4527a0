// The presets driven through real data and explicit time: traces, feedback and scores are
// ingested with known values at known minutes, rollups are built from them, and the rule is
// evaluated minute by minute (or every few minutes) as the job would.
import { describe, expect, it } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";
import type { Database } from "@/server/db/client";
import { alertPresetDefinition } from "@/contracts/alertPresets";
import type { AlertPreset, AlertRuleInput } from "@/contracts/alerts";
import { alertRuleInputSchema } from "@/contracts/alerts";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { ingestFeedback } from "@/server/feedback/ingestFeedback";
import { ingestScores } from "@/server/scores/ingestScores";
import { createAlertRule } from "@/server/alerts/alertRules";
import { evaluateAlertRules } from "@/server/alerts/evaluateAlertRules";
import { alertEvaluationDependencies } from "@/server/alerts/alertEvaluationDependencies";
import { createAlertChannel } from "@/server/alerts/alertChannels";

const t0 = Date.UTC(2026, 10, 28, 8, 0);
const minute = 60_000;
const at = (minutes: number) => new Date(t0 + minutes * minute);

interface TraceSeed {
  minute: number;
  count: number;
  latencyMs?: number;
  status?: "ok" | "error";
  model?: string;
  userId?: string;
  costUsd?: number;
}

/** `count` traces spread over one minute each, with ids that say where they belong. */
async function seedTraces(database: Database, projectId: string, seeds: TraceSeed[]): Promise<string[]> {
  const traces = seeds.flatMap((seed) =>
    Array.from({ length: seed.count }, (_, index) => {
      const start = t0 + seed.minute * minute + Math.floor((index * minute) / seed.count);
      return {
        id: `m${seed.minute}-${seed.model ?? "x"}-${seed.userId ?? "x"}-${seed.status ?? "ok"}-${index}`,
        startTime: new Date(start).toISOString(),
        endTime: new Date(start + (seed.latencyMs ?? 800)).toISOString(),
        status: seed.status ?? "ok",
        ...(seed.model ? { model: seed.model } : {}),
        ...(seed.userId ? { userId: seed.userId } : {}),
        ...(seed.costUsd !== undefined ? { costUsd: seed.costUsd } : {}),
      };
    }),
  );
  for (let i = 0; i < traces.length; i += 500) {
    const result = await ingestTraces(database, projectId, traces.slice(i, i + 500));
    expect(result.rejected).toEqual([]);
  }
  return traces.map((trace) => trace.id);
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => from + index);

async function presetRule(database: Database, projectId: string, preset: AlertPreset, change: Partial<AlertRuleInput> = {}) {
  const channel = await createAlertChannel(
    database,
    projectId,
    { name: `hook ${preset}`, type: "webhook", url: "https://hooks.example.test/liveloop" },
    at(0),
  );
  const input = alertRuleInputSchema.parse({ ...alertPresetDefinition(preset).rule, channels: [channel.id], ...change });
  return createAlertRule(database, projectId, input);
}

/** Evaluates every `step` minutes from `from` to `to` (inclusive) and returns the rule's transitions and notifications. */
async function evaluateOver(database: Database, projectId: string, ruleId: string, minutes: number[]) {
  const dependencies = { ...alertEvaluationDependencies(), afterEnqueue: undefined };
  for (const m of minutes) await evaluateAlertRules(database, at(m), dependencies, { ruleId, projectId });
  const events = await database.alertEvent.findMany({ where: { ruleId }, orderBy: { at: "asc" } });
  const deliveries = await database.alertDelivery.findMany({ where: { ruleId }, orderBy: { createdAt: "asc" } });
  return {
    transitions: events.map(
      (event) =>
        `${(event.at.getTime() - t0) / minute} ${event.group ? `${event.group} ` : ""}${event.fromState}->${event.toState}${event.severity ? `:${event.severity}` : ""}`,
    ),
    notifications: deliveries.map((delivery) => `${(delivery.createdAt.getTime() - t0) / minute} ${delivery.kind}`),
    deliveries,
  };
}

// Each preset replays hours of traffic minute by minute, refreshing rollups at every evaluation:
// on PGlite on a busy CI machine one scenario took over 30 s, so these get a minute each.
describe.each(await testDatabaseKinds())("alert presets over real data on %s", { timeout: 60_000 }, (kind) => {
  const test = useTestDatabase(kind);

  it("p95 latency above 5 s: pending when it starts, fires once after 30 minutes, recovers once after keep-firing-for", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await seedTraces(test.database, project.id, [
      ...range(0, 10).map((m) => ({ minute: m, count: 40, latencyMs: 900 })),
      ...range(10, 50).map((m) => ({ minute: m, count: 40, latencyMs: 8000 })),
      ...range(50, 70).map((m) => ({ minute: m, count: 40, latencyMs: 900 })),
    ]);
    const rule = await presetRule(test.database, project.id, "latency_p95");
    const { transitions, notifications, deliveries } = await evaluateOver(test.database, project.id, rule.id, range(5, 70));
    // The window [t-5 min, t) first holds slow minute 10 at t = 11; p95 then stays ~8 s.
    expect(transitions).toEqual(["11 ok->pending", "41 pending->firing:critical", "55 firing->recovering:critical", "60 recovering->ok"]);
    expect(notifications).toEqual(["41 firing", "60 resolved"]);
    expect(deliveries[0]?.payload).toMatchObject({
      type: "alert.firing",
      data: { ruleName: "p95 latency above 5 s", severity: "critical", level: 5000, op: "above" },
    });
  });

  it("error rate above 5 %: a warning first, then critical, one notification each, and one resolve", async () => {
    const { project } = await createProjectWithKeys(test.database);
    // 50 requests a minute: 2 errors (4 %, warning) from minute 10, 5 errors (10 %, critical) from minute 25, none from 40.
    await seedTraces(test.database, project.id, [
      ...range(0, 60).map((m) => ({ minute: m, count: m >= 10 && m < 40 ? (m >= 25 ? 45 : 48) : 50 })),
      ...range(10, 40).map((m) => ({ minute: m, count: m >= 25 ? 5 : 2, status: "error" as const })),
    ]);
    const rule = await presetRule(test.database, project.id, "error_rate");
    const { transitions, notifications } = await evaluateOver(test.database, project.id, rule.id, range(5, 60));
    // The 5-minute window passes 2 % at 13 and 5 % at 26; at 43 it is back under 4 % (critical's
    // recovery) but over 1.5 % (the warning's), and at 45 under both.
    expect(transitions).toEqual([
      "13 ok->pending",
      "18 pending->firing:warning",
      "31 firing->firing:critical",
      "43 firing->firing:warning",
      "45 firing->recovering:warning",
      "50 recovering->ok",
    ]);
    expect(notifications).toEqual(["18 firing", "31 firing", "50 resolved"]);
  });

  it("hallucination above 0.15 for an hour, evaluated every 5 minutes", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const ids = await seedTraces(
      test.database,
      project.id,
      range(0, 240).map((m) => ({ minute: m, count: 2 })),
    );
    // Scores 0.05 for the first hour, 0.3 for the next two, 0.05 after.
    const scores = ids.map((traceId) => {
      const m = Number(/^m(\d+)-/.exec(traceId)?.[1]);
      return { traceId, name: "hallucination", value: m >= 60 && m < 180 ? 0.3 : 0.05 };
    });
    for (let i = 0; i < scores.length; i += 200)
      expect((await ingestScores(test.database, project.id, scores.slice(i, i + 200), at(240))).rejected).toEqual([]);
    const rule = await presetRule(test.database, project.id, "hallucination");
    const { transitions, notifications } = await evaluateOver(
      test.database,
      project.id,
      rule.id,
      range(6, 49).map((step) => step * 5),
    );
    // The 30-minute window's average passes 0.15 once more than a third of it is bad: first seen at 75.
    // Back under the 0.12 recovery level at 205 (a sixth of the window still bad), then 10 minutes kept firing.
    expect(transitions).toEqual([
      "75 ok->pending",
      "135 pending->firing:critical",
      "205 firing->recovering:critical",
      "215 recovering->ok",
    ]);
    expect(notifications).toEqual(["135 firing", "215 resolved"]);
  });

  // Two scenarios, two tests: each seeds four hours of traffic and evaluates 36 times.
  it.each([
    { thumbsPerMinute: 2, expected: ["firing", "resolved"], case: "fires once" },
    { thumbsPerMinute: 0.25, expected: [], case: "with too few thumbs never fires" },
  ])("thumbs-down rate up 20 % against the hour before $case", async ({ thumbsPerMinute, expected }) => {
    const { project } = await createProjectWithKeys(test.database);
    const ids = await seedTraces(
      test.database,
      project.id,
      range(0, 240).map((m) => ({ minute: m, count: 4 })),
    );
    // 20 % down for two hours, 40 % down in the third, 20 % again after: exact shares, every tenth thumb counted.
    let thumbs = 0;
    const events = ids.flatMap((traceId, index) => {
      const m = Number(/^m(\d+)-/.exec(traceId)?.[1]);
      if (thumbsPerMinute >= 1 ? index % 4 >= thumbsPerMinute : index % 16 !== 0) return [];
      const down = thumbs++ % 10 < (m >= 120 && m < 180 ? 4 : 2);
      return [{ id: `fb-${traceId}`, type: "thumb", traceId, value: down ? -1 : 1, timestamp: at(m + 0.5).toISOString() }];
    });
    for (let i = 0; i < events.length; i += 500) await ingestFeedback(test.database, project.id, events.slice(i, i + 500), at(240));
    const rule = await presetRule(test.database, project.id, "thumbs_down_change");
    const { notifications } = await evaluateOver(
      test.database,
      project.id,
      rule.id,
      range(24, 60).map((step) => step * 5),
    );
    expect(notifications.map((entry) => entry.split(" ")[1])).toEqual(expected);
  });

  it("cost per user fires for the one user over $5 in 24 hours, and a rule grouped by model for the slow model only", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await seedTraces(test.database, project.id, [
      ...range(0, 30).map((m) => ({ minute: m, count: 2, userId: "big-spender", costUsd: 0.1, model: "gpt-4o", latencyMs: 9000 })),
      ...range(0, 30).map((m) => ({ minute: m, count: 2, userId: "light-user", costUsd: 0.01, model: "gpt-4o-mini", latencyMs: 700 })),
    ]);
    const cost = await presetRule(test.database, project.id, "cost_per_user");
    const costRun = await evaluateOver(test.database, project.id, cost.id, [31]);
    expect(costRun.transitions).toEqual(["31 big-spender ok->firing:critical"]);
    expect(costRun.deliveries[0]?.payload).toMatchObject({ data: { group: "big-spender", groupBy: "user" } });

    const latency = await presetRule(test.database, project.id, "latency_p95", {
      name: "p95 by model",
      groupBy: "model",
      forSeconds: 0,
      windowSeconds: 1800,
      minSamples: 30,
    });
    const latencyRun = await evaluateOver(test.database, project.id, latency.id, [31]);
    expect(latencyRun.transitions).toEqual(["31 gpt-4o ok->firing:critical"]);
  });
});
