import { describe, expect, it } from "vitest";
import { driftThresholdsSchema } from "@/contracts/drift";
import { DEFAULT_DRIFT_THRESHOLDS, driftStatus, isLowConfidence, windowVerdict } from "./driftVerdict";

const window = { liveCount: 500, pValue: 0.5, jsDistanceCorrected: 0, centroidPValue: 0.5 };

describe("windowVerdict", () => {
  it("calls drift only when the histogram test is significant and the corrected distance large enough", () => {
    expect(windowVerdict({ ...window, pValue: 0.001, jsDistanceCorrected: 0.05 })).toBe("drift");
    expect(windowVerdict({ ...window, pValue: 0.001, jsDistanceCorrected: 0.049 })).toBe("no_drift");
    expect(windowVerdict({ ...window, pValue: 0.01, jsDistanceCorrected: 0.3 })).toBe("no_drift");
  });

  it("warns on a significant mean-vector shift the histogram does not show", () => {
    expect(windowVerdict({ ...window, centroidPValue: 0.004 })).toBe("warning");
    expect(windowVerdict({ ...window, centroidPValue: 0.005 })).toBe("no_drift");
  });

  it("gives no verdict below the minimum window, and flags 100-199 points as low confidence", () => {
    const drifting = { ...window, pValue: 0.001, jsDistanceCorrected: 0.5 };
    expect(windowVerdict({ ...drifting, liveCount: 99 })).toBe("not_enough_data");
    expect(windowVerdict({ ...drifting, liveCount: 100 })).toBe("drift");
    expect([99, 100, 199, 200].map((liveCount) => isLowConfidence({ liveCount }))).toEqual([false, true, true, false]);
  });

  it("follows thresholds given per baseline", () => {
    const strict = driftThresholdsSchema.parse({ pValue: 0.001, minLiveCount: 300, lowConfidenceBelow: 400 });
    expect(windowVerdict({ ...window, pValue: 0.002, jsDistanceCorrected: 0.2 }, strict)).toBe("no_drift");
    expect(windowVerdict({ ...window, liveCount: 250 }, strict)).toBe("not_enough_data");
  });
});

describe("driftThresholdsSchema", () => {
  it("fills in the method's defaults", () => {
    expect(DEFAULT_DRIFT_THRESHOLDS).toEqual({
      pValue: 0.01,
      minCorrectedJsDistance: 0.05,
      centroidPValue: 0.005,
      minLiveCount: 100,
      lowConfidenceBelow: 200,
      consecutive: 2,
    });
  });

  it("refuses values that make no sense and keys it does not know", () => {
    expect(driftThresholdsSchema.safeParse({ pValue: 1.5 }).success).toBe(false);
    expect(driftThresholdsSchema.safeParse({ consecutive: 0 }).success).toBe(false);
    expect(driftThresholdsSchema.safeParse({ jsThreshold: 0.1 }).success).toBe(false);
  });
});

describe("driftStatus", () => {
  it("needs the latest two windows to agree", () => {
    expect(driftStatus(["no_drift", "drift"])).toBe("no_drift");
    expect(driftStatus(["drift", "no_drift"])).toBe("no_drift");
    expect(driftStatus(["no_drift", "drift", "drift"])).toBe("drift");
    expect(driftStatus(["warning", "warning"])).toBe("warning");
    expect(driftStatus(["drift", "warning"])).toBe("warning");
    expect(driftStatus(["drift"])).toBe("no_drift");
  });

  it("says when the latest window has too little data", () => {
    expect(driftStatus([])).toBe("not_enough_data");
    expect(driftStatus(["drift", "drift", "not_enough_data"])).toBe("not_enough_data");
  });

  it("counts as many windows as the thresholds ask", () => {
    const three = driftThresholdsSchema.parse({ consecutive: 3 });
    expect(driftStatus(["no_drift", "drift", "drift"], three)).toBe("no_drift");
    expect(driftStatus(["drift", "drift", "drift"], three)).toBe("drift");
    expect(driftStatus(["drift"], driftThresholdsSchema.parse({ consecutive: 1 }))).toBe("drift");
  });
});

describe("thresholds a baseline stores", () => {
  it("refuses a low-confidence band that ends below the minimum window", () => {
    const refused = driftThresholdsSchema.safeParse({ minLiveCount: 300 });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(["lowConfidenceBelow"]);
  });
});
