import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { applyPendingMigrations } from "@liveloop/prisma";
import { PrismaClient } from "../src/generated/prisma/client.ts";
import { getMetrics } from "../src/server/metrics/metricsQuery.ts";
import { refreshRollups } from "../src/server/metrics/rollups.ts";
import { metricsQuerySchema, metricRanges } from "../src/contracts/metrics.ts";
import { createBenchDatabase } from "./benchDatabase.ts";
import { generateTraces } from "./generateTraces.ts";
import { percentile, type BenchRow } from "./appServer.ts";

const repetitions = Number(process.env.LIVELOOP_BENCH_DASHBOARD_REPETITIONS ?? 5);

/** Times every query the metrics page can make (4 ranges x no/3 breakdowns) and reports the p95. */
async function measure(database: PrismaClient, kind: string, count: number): Promise<BenchRow> {
  const now = new Date();
  const project = await database.project.create({ data: { name: "Dashboard bench" }, select: { id: true } });
  const generateStart = performance.now();
  await generateTraces(database, project.id, count, now);
  const generateSeconds = (performance.now() - generateStart) / 1000;
  const rollupStart = performance.now();
  await refreshRollups(database, project.id);
  const rollupSeconds = (performance.now() - rollupStart) / 1000;

  const timings: number[] = [];
  const queries = metricRanges.flatMap((range) =>
    [undefined, "model", "release", "promptVersion"].map((breakdown) => metricsQuerySchema.parse({ range, breakdown })),
  );
  for (let i = 0; i < repetitions; i++) {
    for (const query of queries) {
      const start = performance.now();
      await getMetrics(database, project.id, query, now);
      timings.push(performance.now() - start);
    }
  }
  const p95 = percentile(timings, 0.95);
  return {
    name: `metrics page queries on ${kind}, ${count.toLocaleString("en")} traces over 30 days (${timings.length} queries; generated in ${generateSeconds.toFixed(0)} s, first rollup build ${rollupSeconds.toFixed(0)} s)`,
    baseline: "p50 " + percentile(timings, 0.5).toFixed(0) + " ms",
    measured: `p95 ${p95.toFixed(0)} ms`,
    ratio: "—",
    target: kind === "PostgreSQL" ? "p95 < 200 ms" : "reported",
    met: kind === "PostgreSQL" ? p95 < 200 : null,
  };
}

export async function benchDashboardPostgres(): Promise<BenchRow> {
  const bench = await createBenchDatabase("dashboard");
  try {
    await applyPendingMigrations(new PrismaPg({ connectionString: bench.url }));
    const database = new PrismaClient({ adapter: new PrismaPg({ connectionString: bench.url }) });
    try {
      return await measure(database, "PostgreSQL", Number(process.env.LIVELOOP_BENCH_DASHBOARD_TRACES ?? 1_000_000));
    } finally {
      await database.$disconnect();
    }
  } finally {
    await bench.drop();
  }
}

export async function benchDashboardPglite(): Promise<BenchRow> {
  const pglite = new PGlite();
  const adapter = new PrismaPGlite(pglite);
  await applyPendingMigrations(adapter);
  const database = new PrismaClient({ adapter });
  try {
    return await measure(database, "PGlite", Number(process.env.LIVELOOP_BENCH_DASHBOARD_PGLITE_TRACES ?? 1_000_000));
  } finally {
    await database.$disconnect();
    await pglite.close();
  }
}
