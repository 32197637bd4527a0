import { ingestTraces } from "../src/server/traces/ingestTraces.ts";
import { ingestFeedback } from "../src/server/feedback/ingestFeedback.ts";
import { runReviewRoutingOnce } from "../src/server/review/reviewRoutingJob.ts";
import { listReviewItems } from "../src/server/review/reviewQueries.ts";
import { reviewItemListQuerySchema } from "../src/contracts/review.ts";
import { withDatabase } from "./review.ts";
import type { BenchRow } from "./appServer.ts";

const floodEvents = Number(process.env.LIVELOOP_BENCH_FLOOD_EVENTS ?? 62_100);
const realTraces = 300;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

/**
 * What a public-key flood costs review routing: 62 100 thumbs-down for traces the project
 * never received (what one browser stored in the incident), beside 300 real traces with a
 * thumbs-down each. Reports the routing job's pass over it, the next pass, and a queue read.
 */
export function benchRoutingFlood(): Promise<BenchRow> {
  return withDatabase("routing_flood", async (database, _url, projectId) => {
    await database.$executeRaw`
      INSERT INTO feedback_events (project_id, id, type, trace_id, value, reasons, occurred_at, received_at)
      SELECT ${projectId}::uuid, 'flood-' || n, 'thumb', 'missing-' || n, -1, '{}', now(), now()
      FROM generate_series(1, ${floodEvents}::int) AS n`;
    await ingestTraces(
      database,
      projectId,
      Array.from({ length: realTraces }, (_, i) => ({
        id: `real-${i}`,
        startTime: new Date().toISOString(),
        input: [{ role: "user", content: `Question ${i} about order ${i * 7919}` }],
        output: "An answer.",
      })),
    );
    const now = new Date();
    await ingestFeedback(
      database,
      projectId,
      Array.from({ length: realTraces }, (_, i) => ({
        id: `real-${i}`,
        type: "thumb",
        value: -1,
        traceId: `real-${i}`,
        timestamp: now.toISOString(),
      })),
      now,
    );
    await database.$executeRaw`ANALYZE`;
    const first = await timed(() => runReviewRoutingOnce(database, new Date()));
    const next = await timed(() => runReviewRoutingOnce(database, new Date(Date.now() + 10_000)));
    const read = await timed(() => listReviewItems(database, projectId, reviewItemListQuerySchema.parse({})));
    const items = await database.reviewItem.count({ where: { projectId } });
    return {
      name: `review routing after a flood of ${floodEvents.toLocaleString("en")} thumbs-down for unknown traces beside ${realTraces} real ones: the job's pass, the next pass, a queue read (${items} items made)`,
      baseline: `pass ${first.ms.toFixed(0)} ms`,
      measured: `next ${next.ms.toFixed(0)} ms, read ${read.ms.toFixed(0)} ms`,
      ratio: "—",
      // The first pass does the real traces' work (items, clusters); the flood must add
      // nothing to later passes, nor to reads.
      target: `${realTraces} items, next pass < 1 s, read < 200 ms`,
      met: items === realTraces && next.ms < 1_000 && read.ms < 200,
    };
  });
}
