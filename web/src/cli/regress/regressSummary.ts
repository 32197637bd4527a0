import type { DatasetRunItem, DatasetRunReport, DiffPart } from "@/contracts/datasetRuns";
import { isCritical, percent, type GateVerdict } from "@/cli/regress/regressGate";

/** Failing items shown with their diff; the rest are counted (the console shows them all). */
const shownFailures = 10;
const maxDiffChars = 600;

/** A word diff as git prints one: [-only expected-]{+only in the output+}, shortened around the changes. */
export function diffText(parts: readonly DiffPart[]): string {
  const text = parts
    .map((part) => {
      if (part.op === "delete") return `[-${part.text}-]`;
      if (part.op === "insert") return `{+${part.text}+}`;
      // Long agreeing stretches say nothing about the regression.
      return part.text.length > 80 ? `${part.text.slice(0, 35)} … ${part.text.slice(-35)}` : part.text;
    })
    .join("")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > maxDiffChars ? `${text.slice(0, maxDiffChars)} …` : text;
}

function itemLine(item: Pick<DatasetRunItem, "externalId" | "category" | "severity">): string {
  const labels = [item.severity, item.category].filter((label): label is string => label !== null && label !== "");
  return `${item.externalId}${labels.length > 0 ? ` [${labels.join(", ")}]` : ""}`;
}

function failureLines(item: DatasetRunItem): string[] {
  const failed = item.assertions.filter((assertion) => !assertion.passed);
  const why = failed.map((assertion) => `${assertion.type}: ${assertion.error ?? assertion.message ?? "failed"}`).join("; ");
  return [`  ${itemLine(item)}${why ? `: ${why}` : ""}`, ...(item.diff.length > 0 ? [`    diff: ${diffText(item.diff)}`] : [])];
}

/** What the command prints when it is done: the run, its pass rate, what changed against the baseline, and the verdict. */
export function regressSummary(report: DatasetRunReport | null, verdict: GateVerdict, minPassRate: number): string {
  const lines: string[] = [];
  if (report) {
    const labels = [report.release && `release ${report.release}`, report.model && `model ${report.model}`].filter(Boolean).join(", ");
    lines.push(`Run ${report.name} on ${report.dataset} v${report.version}${labels ? ` (${labels})` : ""}`);
    const { counts } = report;
    lines.push(
      `Pass rate ${report.passRate === null ? "n/a" : percent(report.passRate)} (${counts.passed}/${counts.total} passed, minimum ${percent(minPassRate)}): ` +
        `${counts.failed} failed, ${counts.errors} errors, ${counts.missing} missing`,
    );
    const comparison = report.comparison;
    if (comparison) {
      lines.push(
        `Compared with ${comparison.baseline} (v${comparison.baselineVersion}): ${comparison.newlyFailing.length} newly failing, ` +
          `${comparison.newlyPassing.length} newly passing, ${comparison.unchanged} unchanged`,
      );
    } else {
      lines.push("No baseline run to compare with (the first passing run becomes the baseline).");
    }
    const byId = new Map(report.items.map((item) => [item.itemId, item]));
    // Critical items first: they fail the gate whatever the pass rate.
    const newlyFailing = (comparison?.newlyFailing ?? [])
      .map((compared) => byId.get(compared.itemId))
      .filter((item) => item !== undefined)
      .sort((a, b) => Number(isCritical(b.severity)) - Number(isCritical(a.severity)));
    if (newlyFailing.length > 0) {
      lines.push("", "Newly failing:");
      for (const item of newlyFailing.slice(0, shownFailures)) lines.push(...failureLines(item));
      if (newlyFailing.length > shownFailures) lines.push(`  … and ${newlyFailing.length - shownFailures} more`);
    }
    const newlyFailingIds = new Set(newlyFailing.map((item) => item.itemId));
    const otherFailures = report.items.filter((item) => !item.passed && !newlyFailingIds.has(item.itemId));
    if (otherFailures.length > 0) {
      lines.push("", comparison ? "Also failing (as in the baseline, or not in it):" : "Failing:");
      for (const item of otherFailures.slice(0, shownFailures)) lines.push(...failureLines(item));
      if (otherFailures.length > shownFailures) lines.push(`  … and ${otherFailures.length - shownFailures} more`);
    }
    lines.push("");
  }
  if (verdict.passed) lines.push("Gate PASSED");
  else lines.push("Gate FAILED:", ...verdict.reasons.map((reason) => `  - ${reason}`));
  return `${lines.join("\n")}\n`;
}
