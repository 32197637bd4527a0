import type { DriftRunView } from "@/contracts/drift";

export interface DriftDistanceSeries {
  /** Window starts, oldest first, one per window length with none missing between the first and the last run. */
  times: string[];
  /** The run of each window, null where none was made. */
  runs: (DriftRunView | null)[];
  jsDistance: (number | null)[];
  jsDistanceCorrected: (number | null)[];
}

/**
 * The chart's points from the scheduled runs: a value only where a run finished with
 * figures. A window with too few points, a run still going or failed, and a window that
 * was never run are all null, so the chart leaves a gap there instead of drawing a zero
 * that reads as "no drift". Windows are laid on a regular grid so a missing one breaks
 * the line rather than being bridged.
 */
export function driftDistanceSeries(runs: readonly DriftRunView[], stepMs: number): DriftDistanceSeries {
  const byStart = new Map(runs.map((run) => [Date.parse(run.from), run]));
  const starts = [...byStart.keys()].sort((a, b) => a - b);
  const first = starts[0];
  const last = starts.at(-1);
  const series: DriftDistanceSeries = { times: [], runs: [], jsDistance: [], jsDistanceCorrected: [] };
  if (first === undefined || last === undefined) return series;
  for (let start = first; start <= last; start += stepMs) {
    const run = byStart.get(start) ?? null;
    const result = run?.status === "done" && run.verdict !== "not_enough_data" ? run.result : undefined;
    series.times.push(new Date(start).toISOString());
    series.runs.push(run);
    series.jsDistance.push(result?.jsDistance ?? null);
    series.jsDistanceCorrected.push(result?.jsDistanceCorrected ?? null);
  }
  return series;
}
