import type { AlertMetric } from "@/contracts/alertMetrics";
import type { Queryable } from "@/server/db/client";
import type { TimeWindow } from "@/server/alerts/alertWindows";
import type { WindowSeries } from "@/server/alerts/values/windowSeries";

type DriftMetric = Extract<AlertMetric, { source: "drift" }>;

const driftStatusValue = { no_drift: 0, warning: 1, drift: 2 } as const;

/**
 * Per window, the latest finished drift run of the baseline whose own window ended in
 * (from, to] (an hourly run before a daily one ending at the same time): its distance, novel
 * share or status (0 none, 1 warning, 2 drift), with its live trace count as samples. A run
 * without enough traffic to judge, or no run, is no data. One read for all the windows.
 */
export async function driftWindowSeries(
  database: Queryable,
  projectId: string,
  metric: DriftMetric,
  windows: readonly TimeWindow[],
): Promise<WindowSeries> {
  const earliest = Math.min(...windows.map((window) => window.from.getTime()));
  const latest = Math.max(...windows.map((window) => window.to.getTime()));
  const runs = windows.length
    ? await database.driftRun.findMany({
        where: {
          projectId,
          status: "done",
          baseline: { name: metric.baseline },
          toTime: { gt: new Date(earliest), lte: new Date(latest) },
        },
        orderBy: [{ toTime: "desc" }, { window: "asc" }],
        select: { toTime: true, verdict: true, jsDistance: true, novelShare: true, liveCount: true },
      })
    : [];
  return {
    changed: () => null,
    at(index) {
      const window = windows[index];
      const run = window && runs.find((candidate) => candidate.toTime > window.from && candidate.toTime <= window.to);
      if (!run?.verdict || run.verdict === "not_enough_data") return new Map([["", { value: null, samples: run?.liveCount ?? null }]]);
      const value =
        metric.figure === "js_distance" ? run.jsDistance : metric.figure === "novel_share" ? run.novelShare : driftStatusValue[run.verdict];
      return new Map([["", { value, samples: run.liveCount }]]);
    },
  };
}
