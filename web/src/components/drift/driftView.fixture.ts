import type { DriftBaselineView, DriftRunResult, DriftRunView } from "@/contracts/drift";
import type { DriftPageView } from "@/server/drift/driftPageView";

/** Views of the drift page for its component tests: a golden baseline, three hourly windows and a drifted run. */
export const projectId = "0b6b3f7e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

export const baseline: DriftBaselineView = {
  id: "5a0d8f4e-2b3c-4d5e-9f60-718293a4b5c6",
  name: "golden-v1",
  source: "dataset",
  dataset: "golden",
  version: 1,
  from: null,
  to: null,
  field: "input",
  embedder: "lexstyle-v1",
  dimensions: 384,
  points: 400,
  clusters: 4,
  thresholds: {
    pValue: 0.01,
    minCorrectedJsDistance: 0.05,
    centroidPValue: 0.005,
    minLiveCount: 100,
    lowConfidenceBelow: 200,
    consecutive: 2,
  },
  hourly: true,
  daily: true,
  createdAt: "2026-11-27T08:00:00.000Z",
};

const shape = (count: number, meanLength: number, emojiShare: number) => ({
  count,
  meanLength,
  medianLength: meanLength - 4,
  p90Length: meanLength * 1.8,
  meanWords: meanLength / 5,
  emojiShare,
  nonAsciiShare: emojiShare / 10,
  urlShare: 0,
  questionShare: 0.9,
});

export const drifted: DriftRunResult = {
  liveCount: 250,
  baselineCount: 200,
  lowConfidence: false,
  jsDistance: 0.6123,
  jsDistanceCorrected: 0.5871,
  klDivergence: 2.4567,
  novelShare: 0.42,
  pValue: 0.000999,
  centroidPValue: 0.000999,
  verdict: "drift",
  skipped: { withoutText: 0, withoutVector: 0, sampledOut: 0 },
  clusters: [
    {
      bin: 4,
      kind: "novel",
      keywords: [],
      baselineShare: 0.05,
      liveShare: 0.42,
      contribution: 0.3,
      baselineExamples: [],
      liveExamples: [{ traceId: "trace-novel-1", text: "What happens if you swallow gum?", novelty: 0.81 }],
    },
    {
      bin: 1,
      kind: "cluster",
      keywords: ["apples", "cost", "dollars"],
      baselineShare: 0.3,
      liveShare: 0.02,
      contribution: 0.1,
      baselineExamples: ["Janet buys 3 apples for $2 each. How much does she spend?"],
      liveExamples: [{ traceId: "trace-apples", text: "How many apples fit in a box?", novelty: 0.2 }],
    },
  ],
  examples: [
    { traceId: "trace-novel-1", text: "What happens if you swallow gum?", novelty: 0.81 },
    { traceId: "trace-novel-2", text: "Is it legal to marry your cousin in Canada?", novelty: 0.77 },
  ],
  languages: [
    { code: "en", label: "English", baselineShare: 1, liveShare: 0.9 },
    { code: "de", label: "German", baselineShare: 0, liveShare: 0.1 },
  ],
  shape: { baseline: shape(200, 180, 0), live: shape(250, 60, 0.3) },
};

const hour = (iso: string, overrides: Partial<DriftRunView>): DriftRunView => ({
  id: `run-${iso.slice(11, 13)}`,
  baselineId: baseline.id,
  window: "hour",
  from: iso,
  to: new Date(Date.parse(iso) + 3_600_000).toISOString(),
  status: "done",
  progress: 1,
  verdict: "no_drift",
  liveCount: 300,
  error: null,
  createdAt: iso,
  finishedAt: iso,
  ...overrides,
});

export const runs: DriftRunView[] = [
  hour("2026-11-27T09:00:00.000Z", { verdict: "not_enough_data", liveCount: 12 }),
  hour("2026-11-27T10:00:00.000Z", { verdict: "drift", liveCount: 250, result: drifted }),
];

export function driftView(overrides: Partial<DriftPageView> = {}): DriftPageView {
  return {
    projectId,
    manageable: true,
    baselines: [baseline],
    baseline,
    window: "hour",
    status: { verdict: "drift", asOf: "2026-11-27T11:00:00.000Z" },
    runs,
    run: runs[1] ?? null,
    map: {
      points: [
        { x: 0, y: 0, side: "baseline", text: "Janet buys 3 apples", traceId: null },
        { x: 1, y: 2, side: "live", text: "What happens if you swallow gum?", traceId: "trace-novel-1" },
      ],
    },
    datasets: [{ name: "golden", latestVersion: 1 }],
    embedders: ["lexstyle-v1", "glove-sif-100d-v1"],
    ...overrides,
  };
}
