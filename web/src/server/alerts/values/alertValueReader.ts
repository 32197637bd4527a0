import type { AlertGroupBy, AlertMetric } from "@/contracts/alertMetrics";
import type { AlertFilter } from "@/contracts/alerts";
import type { Database } from "@/server/db/client";
import type { WindowValue } from "@/server/alerts/alertObservation";
import type { AlertValueSource } from "@/server/alerts/evaluateAlertRules";
import type { TraceRollupRow } from "@/server/metrics/metricsQuery";
import {
  rollupSelection,
  traceRawGroups,
  traceRollupGroups,
  traceWindowValues,
  usesHistograms,
} from "@/server/alerts/values/traceWindowValues";
import { scoreWindowValues } from "@/server/alerts/values/scoreWindowValues";

export interface AlertWindowRequest {
  metric: AlertMetric;
  filter: AlertFilter;
  groupBy: AlertGroupBy | null;
  from: Date;
  to: Date;
}

const driftStatusValue = { no_drift: 0, warning: 1, drift: 2 } as const;

/**
 * The latest finished drift run of the baseline whose window ended in (from, to]: its distance,
 * novel share or status (0 none, 1 warning, 2 drift). A window without enough traffic to
 * judge is no data.
 */
async function driftWindowValue(
  database: Database,
  projectId: string,
  metric: Extract<AlertMetric, { source: "drift" }>,
  from: Date,
  to: Date,
) {
  const run = await database.driftRun.findFirst({
    where: { projectId, status: "done", baseline: { name: metric.baseline }, toTime: { gt: from, lte: to } },
    orderBy: [{ toTime: "desc" }, { window: "asc" }],
    select: { verdict: true, jsDistance: true, novelShare: true, liveCount: true },
  });
  if (!run?.verdict || run.verdict === "not_enough_data") return { value: null, samples: run?.liveCount ?? null };
  const value =
    metric.figure === "js_distance" ? run.jsDistance : metric.figure === "novel_share" ? run.novelShare : driftStatusValue[run.verdict];
  return { value, samples: run.liveCount };
}

/**
 * Review items waiting at `to`: open or being reviewed, made before then. (Items closed since
 * are not counted back, so a past point reads the queue as it is now minus what came later.)
 */
async function reviewQueueSize(database: Database, projectId: string, to: Date): Promise<WindowValue> {
  const count = await database.reviewItem.count({ where: { projectId, status: { in: ["open", "in_review"] }, createdAt: { lt: to } } });
  return { value: count, samples: count };
}

/**
 * Metric values per group over windows, for one project during one evaluation cycle (or one
 * preview): trace figures read pre-aggregated rollup rows, cached for the cycle, so rules over
 * the same window and dimension share one read.
 */
export function alertValueReader(database: Database, projectId: string, _now: Date): AlertValueSource {
  const rollupCache = new Map<string, Promise<TraceRollupRow[]>>();
  return {
    async read(request: AlertWindowRequest): Promise<Map<string, WindowValue>> {
      const { metric } = request;
      switch (metric.source) {
        case "traces": {
          const selection = rollupSelection(request.filter, request.groupBy);
          const groups = selection
            ? await traceRollupGroups(
                database,
                projectId,
                rollupCache,
                { ...request, histograms: usesHistograms(metric.figure) },
                selection,
              )
            : await traceRawGroups(database, projectId, request);
          return traceWindowValues(groups, metric.figure);
        }
        case "scores":
          return scoreWindowValues(database, projectId, metric, request);
        case "drift":
          return new Map([["", await driftWindowValue(database, projectId, metric, request.from, request.to)]]);
        case "reviewQueue":
          return new Map([["", await reviewQueueSize(database, projectId, request.to)]]);
      }
    },
  };
}
