// Alert evaluation at scale: 200 rules (a third grouped by model) over 1 000 000 traces and
// 5 000 000 feedback events on PostgreSQL, and feedback ingest with evaluation running
// against the same database over ingest without it, in the same run.
import autocannon from "autocannon";
import { setTimeout } from "node:timers/promises";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../src/generated/prisma/client.ts";
import type { AlertRuleInput } from "../src/contracts/alerts.ts";
import { alertRuleInputSchema } from "../src/contracts/alerts.ts";
import { refreshRollups } from "../src/server/metrics/rollups.ts";
import { createAlertRule } from "../src/server/alerts/alertRules.ts";
import { evaluateAlertRules } from "../src/server/alerts/evaluateAlertRules.ts";
import { alertEvaluationDependencies } from "../src/server/alerts/alertEvaluationDependencies.ts";
import { generateTraces } from "./generateTraces.ts";
import { generateFeedback } from "./generateFeedback.ts";
import { benchPublicKey, median, withAppOnPostgres, type BenchRow } from "./appServer.ts";

const traceCount = Number(process.env.LIVELOOP_BENCH_ALERT_TRACES ?? 1_000_000);
const feedbackCount = Number(process.env.LIVELOOP_BENCH_ALERT_FEEDBACK ?? 5_000_000);
const ruleCount = 200;
// A minute per phase, so the phase with evaluation holds one scheduled cycle as production does.
const ingestSeconds = Number(process.env.LIVELOOP_BENCH_ALERT_INGEST_SECONDS ?? 60);
const stressSeconds = Number(process.env.LIVELOOP_BENCH_SECONDS ?? 8);

const metrics = [
  ["latencyP95Ms", 5000],
  ["errorRate", 0.05],
  ["thumbsDownRate", 0.3],
  ["costUsd", 50],
  ["requests", 10],
  ["negativeFeedbackRate", 0.25],
  ["averageRating", 2],
  ["ttftP95Ms", 2000],
] as const;
const windows = [300, 900, 3600, 6 * 3600, 86_400, 7 * 86_400];

/** 200 rules: every metric over every window, a third grouped by model, some change rules, a few by user. */
function benchRules(): AlertRuleInput[] {
  return Array.from({ length: ruleCount }, (_, index) => {
    const [metric, threshold] = metrics[index % metrics.length] ?? metrics[0];
    const windowSeconds = windows[Math.floor(index / metrics.length) % windows.length] ?? 300;
    const relative = index % 7 === 3 && metric !== "requests";
    const groupBy = index % 3 === 0 ? "model" : index % 25 === 1 && metric === "errorRate" ? "user" : undefined;
    return alertRuleInputSchema.parse({
      name: `bench rule ${index}`,
      metric,
      windowSeconds,
      groupBy,
      condition: relative
        ? { op: "above", relativeChange: 0.2, compareTo: index % 2 ? "previous" : "day" }
        : { op: metric === "averageRating" || metric === "requests" ? "below" : "above", threshold },
      forSeconds: 300,
    });
  });
}

/** Events/s through POST /api/v1/feedback for `seconds` (batches of 20 thumbs on the generated traces). */
async function ingestRate(baseUrl: string, seconds: number): Promise<number> {
  const body = JSON.stringify({
    events: Array.from({ length: 20 }, (_, i) => ({
      id: `[<id>]-${i}`,
      type: "thumb",
      traceId: `gen-${1 + ((i * 7919) % traceCount)}`,
      value: i % 4 === 0 ? -1 : 1,
      timestamp: new Date().toISOString(),
    })),
  });
  const result = await autocannon({
    url: `${baseUrl}/api/v1/feedback`,
    connections: 10,
    duration: seconds,
    method: "POST",
    headers: { authorization: `Bearer ${benchPublicKey}`, "content-type": "application/json", origin: baseUrl },
    body,
    idReplacement: true,
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`ingest saw ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  return (result["2xx"] * 20) / result.duration;
}

export function benchAlertEvaluation(port: number): Promise<BenchRow[]> {
  // The app only takes feedback: its own alert job would evaluate the same rules on the same two cores.
  const runsJobs = process.env.LIVELOOP_WEB_RUNS_JOBS;
  process.env.LIVELOOP_WEB_RUNS_JOBS = "0";
  return withAppOnPostgres("alerts", port, async ({ app, databaseUrl, projectId }) => {
    const database = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
    try {
      const now = new Date();
      const seedStart = performance.now();
      await generateTraces(database, projectId, traceCount, now);
      await generateFeedback(database, projectId, feedbackCount, traceCount, now);
      // Settled tables: autovacuum of 6 M fresh rows would otherwise slow whichever phase it lands in.
      await database.$executeRawUnsafe("VACUUM ANALYZE traces");
      await database.$executeRawUnsafe("VACUUM ANALYZE feedback_events");
      await refreshRollups(database, projectId);
      const seedSeconds = (performance.now() - seedStart) / 1000;

      await ingestRate(app.baseUrl, 3); // warm-up: JIT, key cache, pool
      const withoutBefore = await ingestRate(app.baseUrl, ingestSeconds);

      for (const rule of benchRules()) await createAlertRule(database, projectId, rule);
      // Time spent reading metric values, apart from recording states and notifications.
      let readSeconds = 0;
      // As the scheduled job runs it: over rollups the rollup job keeps current.
      const real = alertEvaluationDependencies({ refreshRollups: false });
      const dependencies = {
        ...real,
        values: (...args: Parameters<typeof real.values>) => {
          const reader = real.values(...args);
          return {
            read: async (request: Parameters<typeof reader.read>[0]) => {
              const start = performance.now();
              try {
                return await reader.read(request);
              } finally {
                readSeconds += (performance.now() - start) / 1000;
              }
            },
          };
        },
      };
      const cycleSeconds: number[] = [];
      let minute = 1;
      const cycle = async () => {
        // Each cycle is the next minute's: a rule is evaluated once a minute.
        const at = new Date(now.getTime() + minute++ * 60_000);
        const start = performance.now();
        const result = await evaluateAlertRules(database, at, dependencies);
        if (result.evaluated !== ruleCount)
          throw new Error(`evaluated ${result.evaluated} of ${ruleCount} rules (${result.failed} failed)`);
        return (performance.now() - start) / 1000;
      };
      const readShares: number[] = [];
      for (let i = 0; i < 3; i++) {
        readSeconds = 0;
        const seconds = await cycle();
        cycleSeconds.push(seconds);
        readShares.push(readSeconds / seconds);
      }

      // Ingest while the evaluator runs on its schedule: a cycle at the start of each minute.
      const stop = new AbortController();
      const schedule = (async () => {
        while (!stop.signal.aborted) {
          const started = performance.now();
          await cycle();
          await setTimeout(Math.max(0, 60_000 - (performance.now() - started)), undefined, { signal: stop.signal }).catch(() => undefined);
        }
      })();
      const withEvaluation = await ingestRate(app.baseUrl, ingestSeconds);
      // Stopped (after any cycle under way) before the stress loop, so two cycles never overlap.
      stop.abort();
      await schedule;
      // And while cycles run back to back, sixty times the schedule's load: a stress figure.
      const stress = { evaluating: true };
      const loop = (async () => {
        while (stress.evaluating) await cycle();
      })();
      const withBackToBack = await ingestRate(app.baseUrl, stressSeconds);
      stress.evaluating = false;
      await loop;
      const withoutAfter = await ingestRate(app.baseUrl, ingestSeconds);
      // The better of the runs without evaluation, before and after, so a slow phase of the database cannot flatter the ratio.
      const without = Math.max(withoutBefore, withoutAfter);

      const cycleMedian = median(cycleSeconds);
      const ratio = withEvaluation / without;
      return [
        {
          name: `alert evaluation cycle on PostgreSQL: ${ruleCount} rules (a third by model, some by user, change rules) over ${traceCount.toLocaleString("en")} traces and ${feedbackCount.toLocaleString("en")} feedback events (seeded in ${seedSeconds.toFixed(0)} s); cycles ${cycleSeconds.map((s) => s.toFixed(2)).join(" / ")} s, reading values ${readShares.map((share) => `${(share * 100).toFixed(0)}%`).join(" / ")} of each`,
          baseline: "—",
          measured: `${cycleMedian.toFixed(2)} s per cycle`,
          ratio: "—",
          target: "< 5 s",
          met: cycleMedian < 5,
        },
        {
          name: `feedback ingest (POST /api/v1/feedback, 10 connections, ${ingestSeconds} s) with the evaluator on its schedule (a cycle a minute) / the better of the runs without, before and after (${withoutBefore.toFixed(0)} and ${withoutAfter.toFixed(0)} events/s), same database; the app runs no jobs. With cycles back to back (${stressSeconds} s): ${withBackToBack.toFixed(0)} events/s, ${(withBackToBack / without).toFixed(3)}`,
          baseline: `${without.toFixed(0)} events/s`,
          measured: `${withEvaluation.toFixed(0)} events/s`,
          ratio: ratio.toFixed(3),
          target: ">= 0.9",
          met: ratio >= 0.9,
        },
      ];
    } finally {
      await database.$disconnect();
    }
  }).finally(() => {
    if (runsJobs === undefined) delete process.env.LIVELOOP_WEB_RUNS_JOBS;
    else process.env.LIVELOOP_WEB_RUNS_JOBS = runsJobs;
  });
}
