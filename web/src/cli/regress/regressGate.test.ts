import { describe, expect, it } from "vitest";
import type { DatasetRunItem, DatasetRunReport } from "@/contracts/datasetRuns";
import { decideGate, gateExitCode, type GateInput } from "@/cli/regress/regressGate";
import { regressSummary } from "@/cli/regress/regressSummary";

const ids = [
  "00000000-0000-4000-8000-000000000001",
  "00000000-0000-4000-8000-000000000002",
  "00000000-0000-4000-8000-000000000003",
  "00000000-0000-4000-8000-000000000004",
] as const;
const versionItems = ids.map((itemId, index) => ({ itemId, externalId: `item-${index + 1}` }));

function runItem(index: number, status: DatasetRunItem["status"], severity: string | null = null): DatasetRunItem {
  return {
    itemId: ids[index] ?? "",
    externalId: `item-${index + 1}`,
    category: "billing",
    severity,
    status,
    passed: status === "passed",
    assertions: [
      {
        type: "default",
        passed: status === "passed",
        value: null,
        threshold: null,
        message: status === "failed" ? "not similar enough" : null,
        error: status === "error" ? "the embedder did not answer" : null,
      },
    ],
    scores: [],
    output: "Refunds take 30 days.",
    expectedOutput: "Refunds take 14 days.",
    diff:
      status === "passed"
        ? []
        : [
            { op: "equal", text: "Refunds take " },
            { op: "delete", text: "14" },
            { op: "insert", text: "30" },
            { op: "equal", text: " days." },
          ],
  };
}

function report(items: DatasetRunItem[], overrides: Partial<DatasetRunReport> = {}): DatasetRunReport {
  const passed = items.filter((item) => item.passed).length;
  return {
    name: "v2-20261128T140000Z",
    dataset: "golden",
    version: 3,
    release: "v2",
    model: "candidate",
    promptVersion: null,
    status: "complete",
    passRate: passed / ids.length,
    counts: {
      total: ids.length,
      evaluated: items.length,
      passed,
      failed: items.filter((item) => item.status === "failed").length,
      errors: items.filter((item) => item.status === "error").length,
      missing: ids.length - items.length,
    },
    gate: null,
    passing: false,
    createdAt: "2026-11-28T14:00:00.000Z",
    updatedAt: "2026-11-28T14:00:00.000Z",
    missingItemIds: ids.filter((id) => !items.some((item) => item.itemId === id)),
    items,
    scoreMeans: [],
    comparison: null,
    ...overrides,
  };
}

/** The comparison with a baseline run in which item-4, of this severity, passed. */
function newlyFailingFourth(severity: string): NonNullable<DatasetRunReport["comparison"]> {
  return {
    baseline: "v1-run",
    baselineVersion: 3,
    newlyFailing: [{ itemId: ids[3], externalId: "item-4", category: "billing", severity }],
    newlyPassing: [],
    unchanged: 3,
    byCategory: [],
    bySeverity: [],
    scoreMeans: [],
  };
}

const allPassed = [0, 1, 2, 3].map((index) => runItem(index, "passed"));
const input = (overrides: Partial<GateInput>): GateInput => ({
  report: report(allPassed),
  versionItems,
  unanswered: [],
  rejected: [],
  minPassRate: 0.95,
  ...overrides,
});

describe("decideGate", () => {
  it("passes a complete run at or above the minimum pass rate, and exits 0", () => {
    const verdict = decideGate(input({}));
    expect(verdict).toEqual({ passed: true, reasons: [] });
    expect(gateExitCode(verdict)).toBe(0);
    const threeOfFour = report([...allPassed.slice(0, 3), runItem(3, "failed")]);
    expect(decideGate(input({ report: threeOfFour, minPassRate: 0.75 })).passed).toBe(true);
  });

  it("fails below the minimum pass rate, saying by how much, and exits 1", () => {
    const verdict = decideGate(input({ report: report([...allPassed.slice(0, 3), runItem(3, "failed")]) }));
    expect(verdict.reasons).toEqual(["pass rate 75.0% (3/4) is below the minimum 95.0%"]);
    expect(gateExitCode(verdict)).toBe(1);
  });

  it("fails when a critical item passed in the baseline and fails now, whatever the pass rate", () => {
    const items = [...allPassed.slice(0, 3), runItem(3, "failed", "Critical")];
    const comparison = newlyFailingFourth("Critical");
    const verdict = decideGate(input({ report: report(items, { comparison }), minPassRate: 0.5 }));
    expect(verdict.reasons).toEqual(["1 critical item newly failing against v1-run: item-4"]);
    // A minor item newly failing above the minimum pass rate does not fail the gate.
    const minor = newlyFailingFourth("minor");
    expect(decideGate(input({ report: report(items, { comparison: minor }), minPassRate: 0.5 })).passed).toBe(true);
  });

  it("fails a broken run: unanswered, refused, missing, duplicate and unchecked items, each with its reason", () => {
    const items = [runItem(0, "passed"), runItem(0, "passed"), runItem(1, "error")];
    const verdict = decideGate(
      input({
        report: report(items, { passRate: 1, counts: { total: 4, evaluated: 3, passed: 4, failed: 0, errors: 1, missing: 2 } }),
        unanswered: [{ itemId: ids[2], error: "HTTP 500 (gave up after 5 attempts)" }],
        rejected: [],
        minPassRate: 0.5,
      }),
    );
    expect(verdict.passed).toBe(false);
    expect(verdict.reasons).toEqual([
      "1 item got no answer from the candidate: item-3 (HTTP 500 (gave up after 5 attempts))",
      "the run has no output for 1 item of the version: item-4",
      "the run holds 1 item more than once: item-1",
      "1 output could not be checked (evaluator errors): item-2 (default: the embedder did not answer)",
    ]);
    const refused = decideGate(input({ rejected: [{ itemId: ids[0], status: 409, message: "a different output is stored" }] }));
    expect(refused.reasons).toEqual(["Liveloop refused 1 output: item-1 (HTTP 409: a different output is stored)"]);
  });

  it("fails when nothing could be uploaded", () => {
    const verdict = decideGate(
      input({ report: null, unanswered: versionItems.map((item) => ({ itemId: item.itemId, error: "timeout" })) }),
    );
    expect(verdict.passed).toBe(false);
    expect(verdict.reasons).toEqual([
      "4 items got no answer from the candidate: item-1 (timeout), item-2 (timeout), item-3 (timeout), item-4 (timeout)",
      "no output was uploaded, so nothing was checked",
    ]);
  });
});

describe("regressSummary", () => {
  it("shows the pass rate, the newly failing items with their diff and why the gate failed", () => {
    const items = [...allPassed.slice(0, 3), runItem(3, "failed", "critical")];
    const comparison = newlyFailingFourth("critical");
    const verdict = decideGate(input({ report: report(items, { comparison }) }));
    expect(regressSummary(report(items, { comparison }), verdict, 0.95)).toBe(
      [
        "Run v2-20261128T140000Z on golden v3 (release v2, model candidate)",
        "Pass rate 75.0% (3/4 passed, minimum 95.0%): 1 failed, 0 errors, 0 missing",
        "Compared with v1-run (v3): 1 newly failing, 0 newly passing, 3 unchanged",
        "",
        "Newly failing:",
        "  item-4 [critical, billing]: default: not similar enough",
        "    diff: Refunds take [-14-]{+30+} days.",
        "",
        "Gate FAILED:",
        "  - pass rate 75.0% (3/4) is below the minimum 95.0%",
        "  - 1 critical item newly failing against v1-run: item-4",
        "",
      ].join("\n"),
    );
  });
});
