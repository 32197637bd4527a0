import type { DatasetRunItemStatus, DatasetRunSummary } from "@/contracts/datasetRuns";

type BadgeColor = "green" | "red" | "amber" | "gray";

/** A run's state as a person reads it: the gate's verdict when recorded, else what the run lacks. */
export function runStateBadge(run: Pick<DatasetRunSummary, "status" | "gate">): { label: string; color: BadgeColor } {
  if (run.status === "errored") return { label: "Evaluator errors", color: "red" };
  if (run.gate) return run.gate.passed ? { label: "Gate passed", color: "green" } : { label: "Gate failed", color: "red" };
  if (run.status === "incomplete") return { label: "Incomplete", color: "amber" };
  return { label: "No verdict yet", color: "gray" };
}

export const itemStatusBadge: Record<DatasetRunItemStatus, { label: string; color: BadgeColor }> = {
  passed: { label: "Passed", color: "green" },
  failed: { label: "Failed", color: "red" },
  error: { label: "Error", color: "amber" },
};

export const percent = (rate: number | null): string => (rate === null ? "—" : `${(rate * 100).toFixed(1)} %`);

export const runReportHref = (projectId: string, dataset: string, run: string): string =>
  `/projects/${projectId}/datasets/${encodeURIComponent(dataset)}/runs/${encodeURIComponent(run)}`;
