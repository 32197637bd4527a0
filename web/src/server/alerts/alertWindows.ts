import type { AlertCondition } from "@/contracts/alerts";

export interface TimeWindow {
  from: Date;
  to: Date;
}

const minuteMs = 60_000;
const compareOffsetMs = { day: 86_400_000, week: 7 * 86_400_000 } as const;

/**
 * The window an evaluation at `now` reads: whole minutes ending at the last minute boundary,
 * since rollups are per minute and the current minute is still being written.
 */
export function evaluationWindow(now: Date, windowSeconds: number): TimeWindow {
  const to = Math.floor(now.getTime() / minuteMs) * minuteMs;
  return { from: new Date(to - windowSeconds * 1000), to: new Date(to) };
}

/** The earlier window a change rule compares with: the one just before, or the same window a day or a week back. */
export function referenceWindow(window: TimeWindow, condition: AlertCondition): TimeWindow | null {
  if (condition.relativeChange === undefined) return null;
  const compareTo = condition.compareTo ?? "previous";
  const offset = compareTo === "previous" ? window.to.getTime() - window.from.getTime() : compareOffsetMs[compareTo];
  return { from: new Date(window.from.getTime() - offset), to: new Date(window.to.getTime() - offset) };
}
