import { Prisma } from "@/generated/prisma/client";
import type { TimeWindow } from "@/server/alerts/alertWindows";
import { pieceBuckets, rollupPieces, type RollupPiece } from "@/server/alerts/values/rollupPieces";

type Granularity = RollupPiece["granularity"];

/** Reads the rollup rows of one granularity whose buckets start inside any of the ranges. */
export type FetchRollupRows<Row> = (granularity: Granularity, ranges: TimeWindow[]) => Promise<Row[]>;

export interface RollupRowCache<Row> {
  /** For each window, the row lists of the buckets that compose it exactly (rollupPieces). */
  windowRows(windows: readonly TimeWindow[]): Promise<Row[][][]>;
}

// Ranges per query (OR'ed index range scans): a 7-day preview of 1-minute windows has 337.
const rangesPerQuery = 64;
const granularityMs: Record<Granularity, number> = { minute: 60_000, hour: 3_600_000 };

/** Sorted bucket starts as runs of consecutive buckets. */
function runsOf(starts: number[], stepMs: number): TimeWindow[] {
  const runs: TimeWindow[] = [];
  let first = starts[0];
  let last = first;
  for (const start of starts.slice(1)) {
    if (first !== undefined && last !== undefined && start !== last + stepMs) {
      runs.push({ from: new Date(first), to: new Date(last + stepMs) });
      first = start;
    }
    last = start;
  }
  if (first !== undefined && last !== undefined) runs.push({ from: new Date(first), to: new Date(last + stepMs) });
  return runs;
}

/**
 * Rollup rows of one selection (dimension, value, score name...) kept per bucket for a
 * reader's life, so windows of any length share them: a rule over 5 minutes and one over an
 * hour read the last 5 minutes once, and a 7-day preview reads each bucket once instead of
 * once per step. Buckets with no rows are remembered as empty; a bucket being fetched is
 * awaited rather than fetched again by a concurrent read.
 */
export function rollupRowCache<Row extends { bucketStart: Date }>(fetch: FetchRollupRows<Row>): RollupRowCache<Row> {
  const loaded: Record<Granularity, Map<number, Row[]>> = { minute: new Map(), hour: new Map() };
  const loading: Record<Granularity, Map<number, Promise<void>>> = { minute: new Map(), hour: new Map() };

  async function load(granularity: Granularity, starts: number[], ranges: TimeWindow[]): Promise<void> {
    const rows = await fetch(granularity, ranges);
    const buckets = loaded[granularity];
    for (const start of starts) buckets.set(start, []);
    for (const row of rows) buckets.get(row.bucketStart.getTime())?.push(row);
  }

  return {
    async windowRows(windows) {
      const wanted = windows.map((window) =>
        rollupPieces(window.from, window.to).map((piece) => ({ granularity: piece.granularity, starts: pieceBuckets(piece) })),
      );
      const waits = new Set<Promise<void>>();
      for (const granularity of ["minute", "hour"] as const) {
        const missing = new Set<number>();
        for (const pieces of wanted)
          for (const piece of pieces)
            if (piece.granularity === granularity)
              for (const start of piece.starts) {
                const pending = loading[granularity].get(start);
                if (pending) waits.add(pending);
                else if (!loaded[granularity].has(start)) missing.add(start);
              }
        const runs = runsOf(
          [...missing].sort((a, b) => a - b),
          granularityMs[granularity],
        );
        for (let offset = 0; offset < runs.length; offset += rangesPerQuery) {
          const ranges = runs.slice(offset, offset + rangesPerQuery);
          const chunk = ranges.flatMap((range) => pieceBuckets({ granularity, ...range }));
          const done = load(granularity, chunk, ranges);
          for (const start of chunk) loading[granularity].set(start, done);
          // Once settled the rows are loaded, or a later read tries again.
          const settled = () => {
            for (const start of chunk) loading[granularity].delete(start);
          };
          done.then(settled, settled);
          waits.add(done);
        }
      }
      await Promise.all([...waits]);
      return wanted.map((pieces) => pieces.flatMap((piece) => piece.starts.map((start) => loaded[piece.granularity].get(start) ?? [])));
    },
  };
}

/**
 * `bucket_start` inside any of the ranges, as SQL: each range is an index range scan whatever
 * the table's statistics say. A list of starts (`= ANY($1::timestamptz[])`) was planned as a
 * filter over every row of the dimension while metric_rollups had no statistics yet (after a
 * first build, before autovacuum analyzed it): hundreds of milliseconds a read on a month of minutes.
 */
export function inRanges(ranges: readonly TimeWindow[]): Prisma.Sql {
  return Prisma.join(
    ranges.map((range) => Prisma.sql`(bucket_start >= ${range.from} AND bucket_start < ${range.to})`),
    " OR ",
  );
}
