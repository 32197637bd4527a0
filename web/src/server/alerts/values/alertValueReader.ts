import type { AlertGroupBy, AlertMetric } from "@/contracts/alertMetrics";
import type { AlertFilter } from "@/contracts/alerts";
import type { Database } from "@/server/db/client";
import type { WindowValue } from "@/server/alerts/alertObservation";
import type { AlertValueSource } from "@/server/alerts/evaluateAlertRules";
import type { TimeWindow } from "@/server/alerts/alertWindows";
import { traceValueCache, traceWindowSeries } from "@/server/alerts/values/traceWindowValues";
import { scoreValueCache, scoreWindowSeries } from "@/server/alerts/values/scoreWindowValues";
import { driftWindowSeries } from "@/server/alerts/values/driftWindowValues";
import { reviewQueueSeries } from "@/server/alerts/values/reviewQueueValues";
import type { WindowSeries } from "@/server/alerts/values/windowSeries";

/** What to read: a metric, filtered and split as a rule says. */
export interface AlertSeriesRequest {
  metric: AlertMetric;
  filter: AlertFilter;
  groupBy: AlertGroupBy | null;
}

/** One window [from, to), whole minutes. */
export type AlertWindowRequest = AlertSeriesRequest & TimeWindow;

export interface AlertValueReader extends AlertValueSource {
  /** The metric per group over one window (key "" when not grouped). */
  read(request: AlertWindowRequest): Promise<Map<string, WindowValue>>;
  /** The same over many windows at once (a preview's steps): one read per source, not one per window. */
  readWindows(request: AlertSeriesRequest, windows: readonly TimeWindow[]): Promise<WindowSeries>;
}

/**
 * Metric values per group over windows, for one project during one evaluation cycle (or one
 * preview). Trace and score figures come from pre-aggregated rollups wherever the request
 * allows, each bucket read once for the reader's life, so rules over the same dimension share
 * their reads whatever their windows; what rollups cannot answer is one query over the raw rows.
 */
export function alertValueReader(database: Database, projectId: string, _now: Date): AlertValueReader {
  const traces = traceValueCache();
  const scores = scoreValueCache();
  const readWindows = (request: AlertSeriesRequest, windows: readonly TimeWindow[]): Promise<WindowSeries> => {
    const { metric, filter, groupBy } = request;
    switch (metric.source) {
      case "traces":
        return traceWindowSeries(database, projectId, traces, { figure: metric.figure, filter, groupBy }, windows);
      case "scores":
        return scoreWindowSeries(database, projectId, scores, metric, { filter, groupBy }, windows);
      case "drift":
        return driftWindowSeries(database, projectId, metric, windows);
      case "reviewQueue":
        return reviewQueueSeries(database, projectId, windows);
    }
  };
  return {
    readWindows,
    async read(request) {
      const series = await readWindows(request, [{ from: request.from, to: request.to }]);
      return series.at(0);
    },
  };
}
