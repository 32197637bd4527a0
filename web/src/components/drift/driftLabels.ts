import type { DriftBaselineView, DriftRunView, DriftVerdict } from "@/contracts/drift";

/** The page's status and a run's verdict, as a person reads them, with the badge colour that goes with each. */
export const driftVerdictLabel: Record<DriftVerdict | "pending", { label: string; color: "red" | "amber" | "green" | "gray" }> = {
  drift: { label: "Drift", color: "red" },
  warning: { label: "Warning", color: "amber" },
  no_drift: { label: "No drift", color: "green" },
  not_enough_data: { label: "Not enough data", color: "gray" },
  pending: { label: "Pending", color: "gray" },
};

export const driftRunStatusLabel: Record<DriftRunView["status"], string> = {
  queued: "Queued",
  running: "Running",
  done: "Done",
  failed: "Failed",
};

export const driftFieldLabel = { input: "Prompts (input)", output: "Answers (output)" } as const;

/** Built-in embedders by name; application vectors ("app:<model>") say whose they are. */
export function driftEmbedderLabel(embedder: string): string {
  if (embedder === "lexstyle-v1") return "Lexstyle: words, style and script (built-in)";
  if (embedder === "glove-sif-100d-v1") return "GloVe word vectors, 100-d (built-in)";
  if (embedder.startsWith("app:")) return `Application vectors: ${embedder.slice(4)}`;
  return embedder;
}

/** A distance or divergence in [0, 1]-ish ranges: three decimals ("0.052"), a dash when absent. */
export function formatDistance(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "—" : value.toFixed(3);
}

/**
 * A permutation p-value: the test's resolution is 1 / (B + 1), so small values read
 * "< 0.001" rather than a precise-looking "0.000999"; others with two significant digits.
 */
export function formatPValue(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  if (value < 0.001) return "< 0.001";
  return value >= 0.1 ? value.toFixed(2) : value.toPrecision(2);
}

/** A share as a percentage with one decimal ("12.5%"). */
export function formatShare(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** "2026-11-27 14:00 UTC": windows start and end on whole hours, so seconds would only add noise. */
export function formatUtcMinute(iso: string): string {
  return `${new Date(iso).toISOString().replace("T", " ").slice(0, 16)} UTC`;
}

/** A window by its UTC start: "2026-11-27 14:00" for an hour, "2026-11-27" for a day, and "from to" for an on-demand run. */
export function formatWindow(run: Pick<DriftRunView, "window" | "from" | "to">): string {
  if (run.window === "day") return `${run.from.slice(0, 10)} (UTC day)`;
  if (run.window === "hour") return formatUtcMinute(run.from);
  return `${formatUtcMinute(run.from).slice(0, -4)} to ${formatUtcMinute(run.to)}`;
}

/** The page's address with one setting changed; the other settings stay as they are. */
export function driftPageHref(
  projectId: string,
  current: { baseline?: string | undefined; window?: string | undefined; run?: string | undefined },
  changes: { baseline?: string; window?: string; run?: string | null },
): string {
  const next = { ...current, ...changes };
  const params = new URLSearchParams();
  if (next.baseline) params.set("baseline", next.baseline);
  if (next.window && next.window !== "hour") params.set("window", next.window);
  if (next.run) params.set("run", next.run);
  const query = params.toString();
  return `/projects/${projectId}/drift${query ? `?${query}` : ""}`;
}

/** A cluster as a person recognises it: its keywords; the two special bins by what they hold. */
export function clusterTitle(cluster: { bin: number; kind: "cluster" | "novel" | "empty"; keywords: readonly string[] }): string {
  if (cluster.kind === "novel") return "Novel: far from every cluster";
  if (cluster.kind === "empty") return "Empty texts";
  return cluster.keywords.length > 0 ? cluster.keywords.slice(0, 6).join(", ") : `Cluster ${cluster.bin + 1}`;
}

/** What a baseline is made of, in one line: "golden v3 · prompts · 400 texts in 16 clusters · lexstyle-v1". */
export function baselineSummary(
  baseline: Pick<DriftBaselineView, "source" | "dataset" | "version" | "from" | "to" | "field" | "points" | "clusters" | "embedder">,
): string {
  const source =
    baseline.source === "dataset"
      ? `${baseline.dataset ?? "a deleted dataset"} v${baseline.version ?? "?"}`
      : `traffic ${formatUtcMinute(baseline.from ?? "").slice(0, 16)} to ${formatUtcMinute(baseline.to ?? "")}`;
  const field = baseline.field === "input" ? "prompts" : "answers";
  return `${source} · ${field} · ${baseline.points.toLocaleString("en")} texts in ${baseline.clusters} clusters · ${baseline.embedder}`;
}
