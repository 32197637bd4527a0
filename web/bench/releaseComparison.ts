// Release comparison at 1 000 000 traces per release on PostgreSQL: what the Releases page
// and GET /api/v1/releases/compare read, over the rollups the rollup job builds, against
// the metrics page's query by release over the same data in the same run.
import { PrismaPg } from "@prisma/adapter-pg";
import { applyPendingMigrations } from "@liveloop/prisma";
import { PrismaClient } from "../src/generated/prisma/client.ts";
import { closeDatabase } from "../src/server/db/client.ts";
import { releaseComparisonQuerySchema } from "../src/contracts/releases.ts";
import { metricsQuerySchema } from "../src/contracts/metrics.ts";
import { scoreConfigInputSchema } from "../src/contracts/scores.ts";
import { saveScoreConfig } from "../src/server/scores/scoreConfigs.ts";
import { refreshRollups } from "../src/server/metrics/rollups.ts";
import { getMetrics } from "../src/server/metrics/metricsQuery.ts";
import { compareReleases } from "../src/server/releases/compareReleases.ts";
import { releasesPageView } from "../src/server/releases/releasesPageView.ts";
import { createBenchDatabase } from "./benchDatabase.ts";
import { generateTraces, type TraceShape } from "./generateTraces.ts";
import { generateFeedback } from "./generateFeedback.ts";
import { generateScores } from "./generateScores.ts";
import { median, type BenchRow } from "./appServer.ts";

const tracesPerRelease = Number(process.env.LIVELOOP_BENCH_RELEASE_TRACES ?? 1_000_000);
const repetitions = Number(process.env.LIVELOOP_BENCH_RELEASE_REPETITIONS ?? 7);
const targetMs = 500;

const arms: Record<"baseline" | "candidate", TraceShape> = {
  baseline: { days: 7, releases: ["2026.11.20"], idPrefix: "base-" },
  candidate: { days: 7, releases: ["2026.11.27"], idPrefix: "cand-" },
};

/** Per release: its traces over 7 days, feedback on 30 % of them, two evaluator scores. */
async function seed(database: PrismaClient, projectId: string, now: Date): Promise<void> {
  for (const [name, config] of [
    ["helpfulness", { dataType: "numeric", minValue: 0, maxValue: 1, higherIsBetter: true }],
    ["grounded", { dataType: "boolean", higherIsBetter: true }],
  ] as const)
    await saveScoreConfig(database, projectId, name, scoreConfigInputSchema.parse(config));
  for (const [arm, shape] of Object.entries(arms)) {
    const worse = arm === "candidate" ? 0.05 : 0;
    await generateTraces(database, projectId, tracesPerRelease, now, shape);
    await generateFeedback(database, projectId, Math.round(tracesPerRelease * 0.3), tracesPerRelease, now, shape);
    await generateScores(database, projectId, { name: "helpfulness", every: 4, mean: 0.75 - worse }, tracesPerRelease, shape);
    await generateScores(database, projectId, { name: "grounded", every: 5, mean: 0.9 - worse, boolean: true }, tracesPerRelease, shape);
  }
  // Settled tables, as autovacuum leaves them: fresh bulk rows without statistics would time the planner's guesses.
  for (const table of ["traces", "feedback_events", "scores"]) await database.$executeRawUnsafe(`VACUUM ANALYZE ${table}`);
}

/** Median milliseconds of `repetitions` calls, after one unmeasured call. */
async function timed(call: () => Promise<unknown>): Promise<number> {
  await call();
  const timings: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const start = performance.now();
    await call();
    timings.push(performance.now() - start);
  }
  return median(timings);
}

/** The comparison's users per release, from the day rows, must equal a count over the raw traces. */
async function expectExactUsers(
  database: PrismaClient,
  projectId: string,
  releases: { baseline: string; candidate: string },
  range: "7d" | "30d",
  now: Date,
): Promise<void> {
  const comparison = await compareReleases(
    database,
    projectId,
    releaseComparisonQuerySchema.parse({ ...releases, range, candidateShare: 0.5 }),
    now,
  );
  const counted = await database.$queryRaw<{ release: string; users: number }[]>`
    SELECT release, count(DISTINCT user_id)::int AS users FROM traces
    WHERE project_id = ${projectId}::uuid AND release = ANY(${[releases.baseline, releases.candidate]}::text[])
      AND start_time >= ${new Date(comparison.from)} AND start_time < ${new Date(comparison.to)}
    GROUP BY release`;
  const expected = {
    baseline: counted.find((row) => row.release === releases.baseline)?.users ?? 0,
    candidate: counted.find((row) => row.release === releases.candidate)?.users ?? 0,
  };
  if (JSON.stringify(comparison.srm?.units) !== JSON.stringify(expected))
    throw new Error(`users per release ${JSON.stringify(comparison.srm?.units)}, the traces say ${JSON.stringify(expected)}`);
}

/**
 * The Releases page (its release list and its default comparison, the newest release
 * against the busiest before it) and GET /releases/compare with a configured split, as
 * the rollout guard asks it (distinct users per release from release_user_days, for the
 * sample-ratio check, checked once against a count over the raw traces), for 7 and 30
 * days; the metrics page by release is the baseline.
 */
export async function benchReleaseComparison(): Promise<BenchRow[]> {
  const bench = await createBenchDatabase("releases");
  // The page opens the process-wide database from the environment, as it does in the app.
  const databaseUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = bench.url;
  const database = new PrismaClient({ adapter: new PrismaPg({ connectionString: bench.url }) });
  try {
    await applyPendingMigrations(new PrismaPg({ connectionString: bench.url }));
    const project = await database.project.create({ data: { name: "Release comparison bench" }, select: { id: true } });
    const now = new Date();
    const seedStart = performance.now();
    await seed(database, project.id, now);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const rollupStart = performance.now();
    await refreshRollups(database, project.id);
    for (const table of ["metric_rollups", "score_rollups", "release_user_days"]) await database.$executeRawUnsafe(`ANALYZE ${table}`);
    const rollupSeconds = (performance.now() - rollupStart) / 1000;

    const releases = { baseline: arms.baseline.releases[0] ?? "", candidate: arms.candidate.releases[0] ?? "" };
    const rows: BenchRow[] = [];
    for (const range of ["7d", "30d"] as const) {
      const dashboard = await timed(() => getMetrics(database, project.id, metricsQuerySchema.parse({ range, breakdown: "release" }), now));
      const page = await timed(async () => {
        const view = await releasesPageView(project.id, "viewer", range === "7d" ? {} : { range }, now);
        if (view.comparison?.baseline !== releases.baseline || view.comparison.metrics.length < 9)
          throw new Error(`the page compared ${view.comparison?.candidate} with ${view.comparison?.baseline}: ${view.error}`);
      });
      const api = await timed(async () => {
        const comparison = await compareReleases(
          database,
          project.id,
          releaseComparisonQuerySchema.parse({ ...releases, range, candidateShare: 0.5 }),
          now,
        );
        if (comparison.srm === null) throw new Error("the comparison made no sample-ratio check");
      });
      await expectExactUsers(database, project.id, releases, range, now);
      const context = `${tracesPerRelease.toLocaleString("en")} traces per release over 7 days, 30 % with feedback, 2 scores; median of ${repetitions}; baseline: metrics page by release, same range`;
      for (const [what, ms] of [
        [`Releases page (release list + default comparison), ${range}`, page],
        [`GET /releases/compare with candidateShare (sample-ratio check), ${range}`, api],
      ] as const)
        rows.push({
          name: `${what} on PostgreSQL (${context}${rows.length === 0 ? `; seeded in ${seedSeconds.toFixed(0)} s, first rollup build ${rollupSeconds.toFixed(0)} s` : ""})`,
          baseline: `${dashboard.toFixed(0)} ms`,
          measured: `${ms.toFixed(0)} ms`,
          ratio: (ms / dashboard).toFixed(2),
          target: `< ${targetMs} ms`,
          met: ms < targetMs,
        });
    }
    return rows;
  } finally {
    await closeDatabase();
    await database.$disconnect();
    if (databaseUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = databaseUrl;
    await bench.drop();
  }
}
