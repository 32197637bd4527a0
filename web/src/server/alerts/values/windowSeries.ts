import type { AlertGroupBy } from "@/contracts/alertMetrics";
import type { WindowValue } from "@/server/alerts/alertObservation";

/**
 * A metric over a list of windows, per group. Values are made when asked for, one window at
 * a time, so a 7-day preview split by user never holds every user's value at every step.
 */
export interface WindowSeries {
  /** The values of the index-th window by group ("" when not grouped); only these groups when given. */
  at(index: number, groups?: ReadonlySet<string>): Map<string, WindowValue>;
}

export interface RowFold<Row, Acc> {
  empty: () => Acc;
  add: (into: Acc, row: Row) => void;
  value: (acc: Acc) => WindowValue;
}

/**
 * Folds each window's rows (one list per rollup bucket or raw slot) into one value per group.
 * Rows without a value of the split dimension ("") are no group of their own; a window of an
 * unsplit metric always has its "" value, so an empty window still says 0 requests.
 */
export function foldedSeries<Row extends { value: string }, Acc>(
  windows: readonly (readonly (readonly Row[])[])[],
  groupBy: AlertGroupBy | null,
  fold: RowFold<Row, Acc>,
): WindowSeries {
  return {
    at(index, groups) {
      const accumulators = new Map<string, Acc>();
      if (groupBy === null) accumulators.set("", fold.empty());
      for (const rows of windows[index] ?? [])
        for (const row of rows) {
          const group = groupBy === null ? "" : row.value;
          if ((groupBy !== null && group === "") || (groups && !groups.has(group))) continue;
          let acc = accumulators.get(group);
          if (acc === undefined) accumulators.set(group, (acc = fold.empty()));
          fold.add(acc, row);
        }
      if (groups) for (const group of accumulators.keys()) if (!groups.has(group)) accumulators.delete(group);
      return new Map([...accumulators].map(([group, acc]) => [group, fold.value(acc)]));
    },
  };
}
