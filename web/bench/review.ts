import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { applyPendingMigrations } from "@liveloop/prisma";
import { poolExecutor } from "@liveloop/prisma/connection";
import { PrismaClient } from "../src/generated/prisma/client.ts";
import { registerPlainSql } from "../src/server/db/client.ts";
import { claimNextReviewItem } from "../src/server/review/reviewLeases.ts";
import { exportDataset } from "../src/server/datasets/datasetExport.ts";
import { exportLine } from "../src/server/datasets/exportFormats.ts";
import { exportQuerySchema } from "../src/contracts/datasets.ts";
import { createBenchDatabase } from "./benchDatabase.ts";
import { percentile, type BenchRow } from "./appServer.ts";

const openItems = Number(process.env.LIVELOOP_BENCH_REVIEW_ITEMS ?? 100_000);
const exportItems = Number(process.env.LIVELOOP_BENCH_EXPORT_ITEMS ?? 100_000);
const claims = 300;

export async function withDatabase<T>(
  label: string,
  work: (database: PrismaClient, url: string, projectId: string) => Promise<T>,
): Promise<T> {
  const bench = await createBenchDatabase(label);
  const pool = new pg.Pool({ connectionString: bench.url, max: 8 });
  await applyPendingMigrations(new PrismaPg({ connectionString: bench.url }));
  const database = new PrismaClient({ adapter: new PrismaPg(pool) });
  registerPlainSql(database, poolExecutor(pool));
  try {
    const project = await database.project.create({ data: { name: label }, select: { id: true } });
    return await work(database, bench.url, project.id);
  } finally {
    await database.$disconnect();
    await pool.end();
    await bench.drop();
  }
}

/** Claim-next latency with a deep queue: 100 000 open items, each claim by a different annotator. */
export function benchReviewClaim(): Promise<BenchRow> {
  return withDatabase("review_claim", async (database, _url, projectId) => {
    await database.$executeRaw`
      INSERT INTO review_items (id, project_id, trace_id, status, priority, created_at, updated_at)
      SELECT gen_random_uuid(), ${projectId}::uuid, 'trace-' || n, 'open', (1 + n % 5) * 1000 + n % 37,
        now() - (n || ' seconds')::interval, now()
      FROM generate_series(1, ${openItems}::int) AS n`;
    await database.$executeRaw`ANALYZE review_items`;
    await database.$executeRaw`
      INSERT INTO users (id, email) SELECT gen_random_uuid(), 'annotator-' || n || '@bench.test' FROM generate_series(1, ${claims}::int) AS n`;
    const users = await database.user.findMany({ select: { id: true } });
    const timings: number[] = [];
    const now = new Date();
    for (const user of users) {
      const start = performance.now();
      const claimed = await claimNextReviewItem(database, projectId, user.id, now);
      timings.push(performance.now() - start);
      if (!claimed) throw new Error("the queue ran dry");
    }
    const p95 = percentile(timings.slice(20), 0.95);
    return {
      name: `review claim-next on PostgreSQL with ${openItems.toLocaleString("en")} open items (${claims} claims by different annotators, first 20 as warm-up)`,
      baseline: `p50 ${percentile(timings.slice(20), 0.5).toFixed(1)} ms`,
      measured: `p95 ${p95.toFixed(1)} ms`,
      ratio: "—",
      target: "p95 < 20 ms",
      met: p95 < 20,
    };
  });
}

/** Samples the process's resident memory while `work` runs; returns the peak growth in MB. */
async function peakRssGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  global.gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growthMb: (peak - start) / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

/** Export throughput of a published 100 000-item version as jsonl, against a plain pg cursor writing the same lines. */
export function benchDatasetExport(): Promise<BenchRow> {
  return withDatabase("export", async (database, url, projectId) => {
    const dataset = await database.dataset.create({ data: { projectId, name: "bench" }, select: { id: true } });
    const version = await database.datasetVersion.create({
      data: { projectId, datasetId: dataset.id, version: 1, itemCount: exportItems, testRatio: 0.2 },
      select: { id: true },
    });
    await database.$executeRaw`
      INSERT INTO dataset_version_items (project_id, version_id, position, item_id, external_id, split, input, expected_output,
        rejected_output, category, severity, provenance)
      SELECT ${projectId}::uuid, ${version.id}::uuid, n - 1, gen_random_uuid(), 'item-' || n, CASE WHEN n % 5 = 0 THEN 'test' ELSE 'train' END::"DatasetSplit",
        jsonb_build_array(jsonb_build_object('role', 'system', 'content', 'You are the support assistant of an outdoor shop.'),
                          jsonb_build_object('role', 'user', 'content', 'Question ' || n || ': ' || repeat('how do returns work? ', 10))),
        'The corrected answer ' || n || ' ' || repeat('with details ', 20), 'The original answer ' || n, 'hallucination', 'high',
        jsonb_build_object('traceId', 'trace-' || n, 'model', 'gpt-4o-mini', 'release', 'v7')
      FROM generate_series(1, ${exportItems}::int) AS n`;
    // As publishDatasetVersion does after a big version.
    await database.$executeRaw`ANALYZE dataset_version_items`;

    const exported = await peakRssGrowth(async () => {
      const start = performance.now();
      const result = await exportDataset(database, projectId, "bench", exportQuerySchema.parse({ format: "jsonl" }));
      let bytes = 0;
      const reader = result.body.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength;
      return { bytes, seconds: (performance.now() - start) / 1000 };
    });

    // The baseline: the same rows through a server-side cursor on a plain pg client, formatted the same way.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const cursorStart = performance.now();
    let cursorBytes = 0;
    await client.query("BEGIN");
    await client.query(
      `DECLARE rows NO SCROLL CURSOR FOR SELECT position, external_id AS "externalId", split, input, expected_output AS "expectedOutput",
        rejected_output AS "rejectedOutput", category, severity, metadata, provenance FROM dataset_version_items WHERE version_id = $1 ORDER BY position`,
      [version.id],
    );
    const encoder = new TextEncoder();
    for (;;) {
      const page = await client.query("FETCH 500 FROM rows");
      if (page.rows.length === 0) break;
      cursorBytes += encoder.encode(page.rows.map((row) => exportLine("jsonl", row as never, 1) ?? "").join("")).byteLength;
    }
    await client.query("COMMIT");
    await client.end();
    const cursorSeconds = (performance.now() - cursorStart) / 1000;

    const rate = exported.result.bytes / 1e6 / exported.result.seconds;
    const cursorRate = cursorBytes / 1e6 / cursorSeconds;
    return {
      name: `dataset export on PostgreSQL: ${exportItems.toLocaleString("en")} items as jsonl (${(exported.result.bytes / 1e6).toFixed(0)} MB) streamed, over a plain pg cursor writing the same lines; peak RSS growth ${exported.growthMb.toFixed(0)} MB`,
      baseline: `${cursorRate.toFixed(1)} MB/s`,
      measured: `${rate.toFixed(1)} MB/s`,
      ratio: (rate / cursorRate).toFixed(3),
      target: "RSS growth < 100 MB",
      met: exported.growthMb < 100,
    };
  });
}
