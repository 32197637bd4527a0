import { describe, expect, it } from "vitest";
import { driftThresholdsSchema, type DriftBaselineView, type DriftRunView, type DriftVerdict } from "@/contracts/drift";
import { driftStatusView } from "@/server/drift/driftPageView";

const baseline = { thresholds: driftThresholdsSchema.parse({}) } as DriftBaselineView;
const hourly = (verdicts: DriftVerdict[]): DriftRunView[] =>
  verdicts.map((verdict, hour) => ({
    id: `r${hour}`,
    baselineId: "b",
    window: "hour",
    from: new Date(Date.UTC(2026, 10, 27, hour)).toISOString(),
    to: new Date(Date.UTC(2026, 10, 27, hour + 1)).toISOString(),
    status: "done",
    progress: 1,
    verdict,
    liveCount: verdict === "not_enough_data" ? 3 : 500,
    error: null,
    createdAt: "2026-11-27T00:00:00.000Z",
    finishedAt: null,
  }));

describe("the drift page's status", () => {
  it("keeps a drift found before quiet hours, as of the last judged window", () => {
    expect(driftStatusView(hourly(["no_drift", "drift", "drift", "not_enough_data", "not_enough_data"]), baseline)).toEqual({
      verdict: "drift",
      asOf: "2026-11-27T03:00:00.000Z",
    });
  });

  it("needs two judged windows in a row to say drift", () => {
    expect(driftStatusView(hourly(["no_drift", "drift", "not_enough_data"]), baseline).verdict).toBe("no_drift");
  });

  it("says not enough data when no window was judged, and pending before any ran", () => {
    expect(driftStatusView(hourly(["not_enough_data", "not_enough_data"]), baseline)).toEqual({
      verdict: "not_enough_data",
      asOf: "2026-11-27T02:00:00.000Z",
    });
    expect(driftStatusView([], baseline)).toEqual({ verdict: "pending", asOf: null });
  });
});
