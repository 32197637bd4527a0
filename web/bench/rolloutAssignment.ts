// Rollout assignment under load: GET /api/v1/rollouts/{key}/assign for many distinct
// units, against the health endpoint driven the same way in the same run.
//
// Two concurrencies, because on a 2-core machine the load generator shares the cores with
// the server: at 2 connections the server already runs at its highest throughput (about
// 0.2 ms of CPU per answer) and the p99 is the answer's own latency; at 10 connections
// the throughput is no higher, and the p99 is mostly the wait behind the 9 requests queued
// ahead on one event loop (p99 ~ connections x service time + a GC pause).
import autocannon from "autocannon";
import { assignmentSchema, rolloutSchema } from "../src/contracts/rollouts.ts";
import { benchPublicKey, benchSecretKey, median, withAppOnPostgres, type BenchRow } from "./appServer.ts";

const durationSeconds = Number(process.env.LIVELOOP_BENCH_SECONDS ?? 8);
const rounds = Number(process.env.LIVELOOP_BENCH_ROUNDS ?? 3);
const concurrencies = [2, 10] as const;
const rolloutKey = "checkout-prompt";
const p99TargetMs = 5;

interface Load {
  rps: number;
  p50: number;
  p99: number;
}

/** Requests/s and latency percentiles (ms) at fixed concurrency; `[<id>]` in the URL becomes a new id per request. */
async function load(url: string, headers: Record<string, string>, connections: number, seconds = durationSeconds): Promise<Load> {
  const result = await autocannon({ url, headers, connections, duration: seconds, idReplacement: true });
  if (result.errors + result.non2xx > 0) throw new Error(`${url} saw ${result.errors} errors and ${result.non2xx} non-2xx answers`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function createRollout(baseUrl: string): Promise<void> {
  const response = await fetch(`${baseUrl}/api/v1/rollouts`, {
    method: "POST",
    headers: { authorization: `Bearer ${benchSecretKey}`, "content-type": "application/json" },
    body: JSON.stringify({ key: rolloutKey, baseline: "2026.11.20", candidate: "2026.11.27", stages: [0.25, 1] }),
  });
  if (response.status !== 201) throw new Error(`creating the rollout answered ${response.status}: ${await response.text()}`);
  rolloutSchema.parse(await response.json());
}

/** One answer checked against the contract before the load: a bench of 404s would time nothing. */
async function checkAssignment(url: string, headers: Record<string, string>): Promise<void> {
  const response = await fetch(url.replace("[<id>]", "user-check"), { headers });
  if (response.status !== 200) throw new Error(`assign answered ${response.status}: ${await response.text()}`);
  assignmentSchema.parse(await response.json());
}

/**
 * The assign endpoint with a secret key (a host backend) and with a public key from a
 * browser origin, each unit a new id, interleaved with GET /api/v1/health round by round
 * (10 connections, median of the rounds), on the app over PostgreSQL.
 */
export function benchRolloutAssignment(port: number): Promise<BenchRow[]> {
  return withAppOnPostgres("rollouts", port, async ({ app }) => {
    await createRollout(app.baseUrl);
    const assignUrl = `${app.baseUrl}/api/v1/rollouts/${rolloutKey}/assign?unit=user-[<id>]`;
    const callers = {
      secret: { authorization: `Bearer ${benchSecretKey}` },
      public: { authorization: `Bearer ${benchPublicKey}`, origin: app.baseUrl },
    };
    for (const headers of Object.values(callers)) await checkAssignment(assignUrl, headers);
    const healthUrl = `${app.baseUrl}/api/v1/health`;

    // Warm-up: JIT, key cache, the rollout cache, the pool.
    await load(healthUrl, {}, 10, 2);
    for (const headers of Object.values(callers)) await load(assignUrl, headers, 10, 2);

    const of = (loads: Load[], figure: keyof Load) => median(loads.map((entry) => entry[figure]));
    const shown = (loads: Load[]) => `${of(loads, "rps").toFixed(0)} req/s, p50 ${of(loads, "p50")} ms, p99 ${of(loads, "p99")} ms`;
    const rows: BenchRow[] = [];
    for (const connections of concurrencies) {
      const health: Load[] = [];
      const assign: Record<keyof typeof callers, Load[]> = { secret: [], public: [] };
      for (let round = 0; round < rounds; round++) {
        health.push(await load(healthUrl, {}, connections));
        assign.secret.push(await load(assignUrl, callers.secret, connections));
        assign.public.push(await load(assignUrl, callers.public, connections));
      }
      const setting = `${connections} connections, median of ${rounds}x${durationSeconds}s rounds interleaved with health, a new unit id per request, PostgreSQL`;
      for (const caller of Object.keys(callers) as (keyof typeof callers)[]) {
        const loads = assign[caller];
        const p99 = of(loads, "p99");
        const ratio = median(loads.map((entry, round) => entry.rps / (health[round]?.rps ?? 1)));
        rows.push(
          {
            name: `GET /rollouts/{key}/assign p99 latency, ${caller} key (${setting})`,
            baseline: `health: ${shown(health)}`,
            measured: shown(loads),
            ratio: "—",
            target: `p99 < ${p99TargetMs} ms`,
            met: p99 < p99TargetMs,
          },
          {
            name: `GET /rollouts/{key}/assign throughput / GET /api/v1/health throughput, ${caller} key (${setting})`,
            baseline: `${of(health, "rps").toFixed(0)} req/s`,
            measured: `${of(loads, "rps").toFixed(0)} req/s`,
            ratio: ratio.toFixed(3),
            target: ">= 1",
            met: ratio >= 1,
          },
        );
      }
    }
    return rows;
  });
}
