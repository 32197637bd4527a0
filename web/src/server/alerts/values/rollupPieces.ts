export interface RollupPiece {
  granularity: "minute" | "hour";
  from: Date;
  to: Date;
}

const hourMs = 3_600_000;
// Up to this span, minute rows alone (360 per group) are cheaper than splitting.
const minuteOnlySpanMs = 6 * hourMs;

/**
 * The rollup rows that make up a whole-minute window exactly: minute rows alone for short
 * windows; for longer ones hour rows for the whole hours inside and minute rows at the edges.
 */
export function rollupPieces(from: Date, to: Date): RollupPiece[] {
  const start = from.getTime();
  const end = to.getTime();
  if (end - start <= minuteOnlySpanMs) return [{ granularity: "minute", from, to }];
  const firstHour = Math.ceil(start / hourMs) * hourMs;
  const lastHour = Math.floor(end / hourMs) * hourMs;
  const pieces: RollupPiece[] = [];
  if (start < firstHour) pieces.push({ granularity: "minute", from, to: new Date(firstHour) });
  pieces.push({ granularity: "hour", from: new Date(firstHour), to: new Date(lastHour) });
  if (lastHour < end) pieces.push({ granularity: "minute", from: new Date(lastHour), to });
  return pieces;
}

const granularityMs = { minute: 60_000, hour: hourMs } as const;

/** The start of every rollup bucket of a piece, in milliseconds. */
export function pieceBuckets(piece: RollupPiece): number[] {
  const step = granularityMs[piece.granularity];
  const starts: number[] = [];
  for (let start = piece.from.getTime(); start < piece.to.getTime(); start += step) starts.push(start);
  return starts;
}
