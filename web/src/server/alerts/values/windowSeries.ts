import type { AlertGroupBy } from "@/contracts/alertMetrics";
import type { WindowValue } from "@/server/alerts/alertObservation";

/**
 * A metric over a list of windows, per group. Values are made when asked for, one window at
 * a time, so a 7-day preview split by user never holds every user's value at every step.
 */
export interface WindowSeries {
  /** The values of the index-th window by group ("" when not grouped); only these groups when given. */
  at(index: number, groups?: ReadonlySet<string>): Map<string, WindowValue>;
  /**
   * The groups whose rows differ between the window before `index` and that window (the others
   * have the same value in both), or null when not known: a replay over sliding windows then
   * recomputes the few groups whose traffic entered or left instead of every group at every step.
   */
  changed(index: number): ReadonlySet<string> | null;
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
  const groupOf = (row: Row) => (groupBy === null ? "" : row.value);
  return {
    changed(index) {
      const before = new Set(windows[index - 1] ?? []);
      const after = new Set(windows[index] ?? []);
      const groups = new Set<string>();
      // Rows are listed per bucket or slot, and a list is the same object in every window holding it.
      for (const [lists, other] of [
        [after, before],
        [before, after],
      ] as const)
        for (const rows of lists) if (!other.has(rows)) for (const row of rows) groups.add(groupOf(row));
      if (groupBy !== null) groups.delete("");
      return groups;
    },
    at(index, groups) {
      const accumulators = new Map<string, Acc>();
      if (groupBy === null) accumulators.set("", fold.empty());
      for (const rows of windows[index] ?? [])
        for (const row of rows) {
          const group = groupOf(row);
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
