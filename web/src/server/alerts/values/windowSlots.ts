import type { TimeWindow } from "@/server/alerts/alertWindows";

/**
 * Time cut at every window's edges, so each window is a run of whole slots: one raw query
 * grouped by slot answers a whole series of windows (a 7-day preview) instead of one query
 * per window. Slot k is [boundaries[k], boundaries[k + 1]), which is what
 * `width_bucket(t, boundaries) - 1` says in SQL for t inside [first, last).
 */
export interface WindowSlots {
  boundaries: Date[];
  /** Per window, its slots as [first, end). */
  ranges: [number, number][];
  /** The slots some window covers (the others need not be read). */
  covered: number[];
}

export function windowSlots(windows: readonly TimeWindow[]): WindowSlots {
  const edges = [...new Set(windows.flatMap((window) => [window.from.getTime(), window.to.getTime()]))].sort((a, b) => a - b);
  const index = new Map(edges.map((edge, position) => [edge, position]));
  const ranges = windows.map((window): [number, number] => [index.get(window.from.getTime()) ?? 0, index.get(window.to.getTime()) ?? 0]);
  const covered = new Set<number>();
  for (const [first, end] of ranges) for (let slot = first; slot < end; slot++) covered.add(slot);
  return { boundaries: edges.map((edge) => new Date(edge)), ranges, covered: [...covered].sort((a, b) => a - b) };
}

/** Rows grouped by slot, as the windows of `slots` ask for them: per window, one row list per slot. */
export function rowsPerWindow<Row extends { slot: number }>(rows: readonly Row[], slots: WindowSlots): Row[][][] {
  const bySlot = new Map<number, Row[]>();
  for (const row of rows) {
    const list = bySlot.get(row.slot);
    if (list) list.push(row);
    else bySlot.set(row.slot, [row]);
  }
  return slots.ranges.map(([first, end]) => {
    const lists: Row[][] = [];
    for (let slot = first; slot < end; slot++) {
      const list = bySlot.get(slot);
      if (list) lists.push(list);
    }
    return lists;
  });
}
