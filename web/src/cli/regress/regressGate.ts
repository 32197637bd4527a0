import type { DatasetRunReport } from "@/contracts/datasetRuns";

/** The command's exit codes, as the README documents them. */
export const exitCodes = { passed: 0, failed: 1, usage: 2 } as const;
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** An item of the version named for a person: its externalId (the id it was added with). */
export interface NamedItem {
  itemId: string;
  externalId: string;
}

export interface GateInput {
  /** The run's report, or null when nothing could be uploaded (the candidate answered no item). */
  report: DatasetRunReport | null;
  /** Every item of the version the run was asked to answer. */
  versionItems: readonly NamedItem[];
  /** Items the candidate gave no answer for, after retries, and why. */
  unanswered: readonly { itemId: string; error: string }[];
  /** Outputs Liveloop refused (batch answer's rejected entries). */
  rejected: readonly { itemId: string; status: number; message: string }[];
  minPassRate: number;
}

export interface GateVerdict {
  passed: boolean;
  /** Each rule that failed, in words; empty when the gate passed. */
  reasons: string[];
}

export const criticalSeverity = "critical";
/** Severity labels are typed by people: "Critical" counts too. */
export const isCritical = (severity: string | null): boolean => severity?.trim().toLowerCase() === criticalSeverity;
const listed = 5;

export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "a, b, c and 2 more": enough to find them, short enough for a log line. */
function some(names: readonly string[]): string {
  const shown = names.slice(0, listed).join(", ");
  return names.length > listed ? `${shown} and ${names.length - listed} more` : shown;
}

/** Values that occur more than once. */
function repeated(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const value of values) (seen.has(value) ? twice : seen).add(value);
  return [...twice];
}

/**
 * The regression gate: it fails when any item got no answer or was refused, any item of the
 * version is missing from the run or appears twice, any output could not be checked
 * (evaluator or assertion error), the pass rate is below the minimum, or an item of
 * critical severity passed in the baseline and fails now. A broken run never passes.
 */
export function decideGate(input: GateInput): GateVerdict {
  const nameOf = new Map(input.versionItems.map((item) => [item.itemId, item.externalId]));
  const named = (itemId: string) => nameOf.get(itemId) ?? itemId;
  const reasons: string[] = [];

  const duplicateInVersion = repeated(input.versionItems.map((item) => item.itemId));
  if (duplicateInVersion.length > 0) {
    reasons.push(`${plural(duplicateInVersion.length, "item")} came twice in the dataset version: ${some(duplicateInVersion.map(named))}`);
  }
  if (input.unanswered.length > 0) {
    reasons.push(
      `${plural(input.unanswered.length, "item")} got no answer from the candidate: ${some(input.unanswered.map((item) => `${named(item.itemId)} (${item.error})`))}`,
    );
  }
  if (input.rejected.length > 0) {
    reasons.push(
      `Liveloop refused ${plural(input.rejected.length, "output")}: ${some(input.rejected.map((item) => `${named(item.itemId)} (HTTP ${item.status}: ${item.message})`))}`,
    );
  }
  const report = input.report;
  if (!report) {
    reasons.push("no output was uploaded, so nothing was checked");
    return { passed: false, reasons };
  }

  // Items the candidate did not answer are already named above; others missing point at the upload or the server.
  const unanswered = new Set([...input.unanswered, ...input.rejected].map((item) => item.itemId));
  const missing = report.missingItemIds.filter((itemId) => !unanswered.has(itemId));
  if (missing.length > 0)
    reasons.push(`the run has no output for ${plural(missing.length, "item")} of the version: ${some(missing.map(named))}`);
  const reportedIds = report.items.map((item) => item.itemId);
  const duplicates = repeated(reportedIds);
  if (duplicates.length > 0)
    reasons.push(`the run holds ${plural(duplicates.length, "item")} more than once: ${some(duplicates.map(named))}`);
  const strangers = reportedIds.filter((itemId) => !nameOf.has(itemId));
  if (strangers.length > 0)
    reasons.push(`the run holds ${plural(strangers.length, "output")} for no item of the version: ${some(strangers)}`);

  const errored = report.items.filter((item) => item.status === "error");
  if (errored.length > 0) {
    const why = (item: (typeof errored)[number]) =>
      `${item.externalId} (${item.assertions.flatMap((assertion) => (assertion.error ? [`${assertion.type}: ${assertion.error}`] : [])).join("; ") || "error"})`;
    reasons.push(`${plural(errored.length, "output")} could not be checked (evaluator errors): ${some(errored.map(why))}`);
  }

  if (report.passRate === null) reasons.push("the dataset version has no items");
  else if (report.passRate < input.minPassRate) {
    reasons.push(
      `pass rate ${percent(report.passRate)} (${report.counts.passed}/${report.counts.total}) is below the minimum ${percent(input.minPassRate)}`,
    );
  }

  const critical = (report.comparison?.newlyFailing ?? []).filter((item) => isCritical(item.severity));
  if (critical.length > 0 && report.comparison) {
    reasons.push(
      `${plural(critical.length, "critical item")} newly failing against ${report.comparison.baseline}: ${some(critical.map((item) => item.externalId))}`,
    );
  }
  return { passed: reasons.length === 0, reasons };
}

/** The exit code for a verdict: 0 when the gate passed, 1 when it failed. */
export function gateExitCode(verdict: GateVerdict): ExitCode {
  return verdict.passed ? exitCodes.passed : exitCodes.failed;
}
