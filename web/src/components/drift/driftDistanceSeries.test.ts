import { describe, expect, it } from "vitest";
import type { DriftRunView } from "@/contracts/drift";
import { driftDistanceSeries } from "@/components/drift/driftDistanceSeries";
import { drifted, runs } from "@/components/drift/driftView.fixture";

const hourMs = 3_600_000;

describe("driftDistanceSeries", () => {
  it("leaves a window without enough data empty rather than zero", () => {
    const series = driftDistanceSeries(runs, hourMs);
    expect(series.times).toEqual(["2026-11-27T09:00:00.000Z", "2026-11-27T10:00:00.000Z"]);
    expect(series.jsDistance).toEqual([null, drifted.jsDistance]);
    expect(series.jsDistanceCorrected).toEqual([null, drifted.jsDistanceCorrected]);
  });

  it("puts a gap where a window was never judged or is still running, so the line is not drawn across it", () => {
    const [quiet, drift] = runs;
    if (!quiet || !drift) throw new Error("fixture runs missing");
    const later: DriftRunView = { ...drift, id: "run-13", from: "2026-11-27T13:00:00.000Z", to: "2026-11-27T14:00:00.000Z" };
    const running: DriftRunView = { ...drift, id: "run-12", from: "2026-11-27T12:00:00.000Z", status: "running", verdict: null };
    // Out of order on purpose: the list's order must not matter.
    const series = driftDistanceSeries([later, drift, running], hourMs);
    expect(series.times.map((time) => time.slice(11, 16))).toEqual(["10:00", "11:00", "12:00", "13:00"]);
    expect(series.jsDistance).toEqual([drifted.jsDistance, null, null, drifted.jsDistance]);
    expect(series.runs.map((run) => run?.id ?? null)).toEqual(["run-10", null, "run-12", "run-13"]);
  });

  it("has no points without runs", () => {
    expect(driftDistanceSeries([], hourMs).times).toEqual([]);
  });
});
