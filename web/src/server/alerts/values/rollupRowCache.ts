import type { TimeWindow } from "@/server/alerts/alertWindows";
import { pieceBuckets, rollupPieces, type RollupPiece } from "@/server/alerts/values/rollupPieces";

type Granularity = RollupPiece["granularity"];

/** Reads the rollup rows of the given bucket starts (ISO strings) of one granularity. */
export type FetchRollupRows<Row> = (granularity: Granularity, starts: string[]) => Promise<Row[]>;

export interface RollupRowCache<Row> {
  /** For each window, the row lists of the buckets that compose it exactly (rollupPieces). */
  windowRows(windows: readonly TimeWindow[]): Promise<Row[][][]>;
}

// Bucket starts per query: a 7-day preview of 6-hour windows needs a week of minutes at most.
const startsPerQuery = 20_000;

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

  async function load(granularity: Granularity, starts: number[]): Promise<void> {
    const rows = await fetch(
      granularity,
      starts.map((start) => new Date(start).toISOString()),
    );
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
        const starts = [...missing];
        for (let offset = 0; offset < starts.length; offset += startsPerQuery) {
          const chunk = starts.slice(offset, offset + startsPerQuery);
          const done = load(granularity, chunk);
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
