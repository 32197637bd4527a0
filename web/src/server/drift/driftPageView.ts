import type { DriftBaselineView, DriftMap, DriftRunView, DriftVerdict } from "@/contracts/drift";
import { db } from "@/server/db/client";
import { can, type Role } from "@/server/auth/permissions";
import type { SearchParams } from "@/server/console/searchParams";
import { embeddersInUse } from "@/server/embeddings/traceEmbeddings";
import { listDatasets } from "@/server/datasets/datasets";
import { listDriftBaselines } from "@/server/drift/driftBaselines";
import { driftRunMap, getDriftRun, listDriftRuns } from "@/server/drift/driftRuns";
import { scheduledWindows } from "@/server/drift/scheduleDriftRuns";
import { driftStatus } from "@/server/drift/method/driftVerdict";
import { builtinDriftEmbedders } from "@/contracts/drift";

export type ScheduledWindow = "hour" | "day";

export interface DriftStatusView {
  /** The scheduled status: drift or warning only once the last `consecutive` windows agree. */
  verdict: DriftVerdict | "pending";
  /** The latest judged scheduled window it is based on (quiet windows are passed over). */
  asOf: string | null;
}

export interface DriftPageView {
  projectId: string;
  /** May make baselines, ask for runs and act on examples. */
  manageable: boolean;
  baselines: DriftBaselineView[];
  baseline: DriftBaselineView | null;
  window: ScheduledWindow;
  status: DriftStatusView;
  /** The scheduled runs of the chart: the last 72 hourly (or 14 daily) windows, oldest first. */
  runs: DriftRunView[];
  /** The run the page explains: ?run=, else the latest finished scheduled one. */
  run: DriftRunView | null;
  map: DriftMap;
  /** Published datasets a baseline can be made of, and examples added to. */
  datasets: { name: string; latestVersion: number | null }[];
  /** Embedders a baseline can use: the built-ins, and application vectors stored in the project. */
  embedders: string[];
}

/**
 * The status from the latest judged windows: quiet hours (too few live texts to judge) are
 * passed over, so a drift found at 14:00 still reads drift at 3 a.m., as of 14:00, rather than
 * "not enough data"; with no window judged at all it says so.
 */
export function driftStatusView(finished: readonly DriftRunView[], baseline: DriftBaselineView | null): DriftStatusView {
  if (!baseline || finished.length === 0) return { verdict: "pending", asOf: null };
  const judged = finished.filter((run) => run.verdict !== null && run.verdict !== "not_enough_data");
  const latest = judged.at(-1) ?? finished.at(-1);
  return {
    verdict:
      judged.length === 0
        ? "not_enough_data"
        : driftStatus(
            judged.map((run) => run.verdict ?? "no_drift"),
            baseline.thresholds,
          ),
    asOf: latest?.to ?? null,
  };
}

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** The drift page: a baseline's status, its windows over time and one run explained. */
export async function driftPageView(projectId: string, role: Role, searchParams: SearchParams, now: Date): Promise<DriftPageView> {
  const database = db();
  const baselines = await listDriftBaselines(database, projectId);
  const asked = first(searchParams.baseline);
  const baseline = baselines.find((entry) => entry.id === asked || entry.name === asked) ?? baselines.at(-1) ?? null;
  const window: ScheduledWindow = first(searchParams.window) === "day" ? "day" : "hour";
  const span = scheduledWindows.find((entry) => entry.kind === window) ?? scheduledWindows[0];

  const runs = baseline
    ? await listDriftRuns(database, projectId, {
        baseline: baseline.id,
        from: new Date(now.getTime() - span.catchUp * span.ms),
        to: now,
        window,
      })
    : [];
  const finished = runs.filter((run) => run.status === "done");
  const askedRun = first(searchParams.run);
  const run = askedRun ? await getDriftRun(database, projectId, askedRun).catch(() => null) : (finished.at(-1) ?? null);
  const map = run?.status === "done" ? await driftRunMap(database, projectId, run.id) : { points: [] };

  const datasets = await listDatasets(database, projectId);
  const applicationEmbedders = (await embeddersInUse(database, projectId)).filter((entry) => entry.source === "application");
  return {
    projectId,
    manageable: can(role, "drift:manage"),
    baselines,
    baseline,
    window,
    status: driftStatusView(finished, baseline),
    runs,
    run,
    map,
    datasets: datasets.map((dataset) => ({ name: dataset.name, latestVersion: dataset.versions[0]?.version ?? null })),
    embedders: [...builtinDriftEmbedders, ...new Set(applicationEmbedders.map((entry) => entry.embedder))],
  };
}
