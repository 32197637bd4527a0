import { describe, expect, it } from "vitest";
import { parseAlertMetric, type AlertMetric } from "@/contracts/alertMetrics";
import { observeWindow } from "@/server/alerts/alertObservation";
import { evaluationWindow, referenceWindow } from "@/server/alerts/alertWindows";

const metric = (name: string): AlertMetric => {
  const parsed = parseAlertMetric(name);
  if (typeof parsed === "string") throw new Error(parsed);
  return parsed;
};

describe("observeWindow", () => {
  it("counts a rate of fewer than minSamples observations as no data: 1 of 3 is not a 33 % thumbs-down rate", () => {
    const observation = observeWindow(metric("thumbsDownRate"), 30, { op: "above", threshold: 0.2 }, { value: 1 / 3, samples: 3 }, null);
    expect(observation.compared).toBeNull();
    expect(observation.noData).toBe("fewer than 30 samples in the window");
    expect(observeWindow(metric("thumbsDownRate"), 30, { op: "above", threshold: 0.2 }, { value: 0.3, samples: 30 }, null).compared).toBe(
      0.3,
    );
  });

  it("takes a sum of an empty window as 0, so 'requests below 10' can fire", () => {
    expect(observeWindow(metric("requests"), 30, { op: "below", threshold: 10 }, { value: 0, samples: 0 }, null).compared).toBe(0);
  });

  it("compares a change rule's window with the reference: +25 %, and no data when either window is thin", () => {
    const condition = { op: "above" as const, relativeChange: 0.2 };
    expect(
      observeWindow(metric("thumbsDownRate"), 30, condition, { value: 0.25, samples: 100 }, { value: 0.2, samples: 100 }).compared,
    ).toBeCloseTo(0.25, 12);
    expect(
      observeWindow(metric("thumbsDownRate"), 30, condition, { value: 0.5, samples: 100 }, { value: 0.1, samples: 5 }).compared,
    ).toBeNull();
    expect(observeWindow(metric("requests"), 30, condition, { value: 50, samples: 50 }, { value: 10, samples: 10 }).compared).toBeNull();
    expect(observeWindow(metric("errorRate"), 30, condition, { value: 0, samples: 40 }, { value: 0, samples: 40 }).compared).toBe(0);
    expect(observeWindow(metric("errorRate"), 30, condition, { value: 0.1, samples: 40 }, { value: 0, samples: 40 }).compared).toBeNull();
  });
});

describe("alert windows", () => {
  it("end at the last whole minute and reach back the window; change rules compare with the window before, a day or a week back", () => {
    const now = new Date("2026-11-28T10:37:42.500Z");
    const window = evaluationWindow(now, 3600);
    expect([window.from.toISOString(), window.to.toISOString()]).toEqual(["2026-11-28T09:37:00.000Z", "2026-11-28T10:37:00.000Z"]);
    expect(referenceWindow(window, { op: "above", threshold: 1 })).toBeNull();
    expect(referenceWindow(window, { op: "above", relativeChange: 0.2 })?.from.toISOString()).toBe("2026-11-28T08:37:00.000Z");
    expect(referenceWindow(window, { op: "above", relativeChange: 0.2, compareTo: "week" })?.to.toISOString()).toBe(
      "2026-11-21T10:37:00.000Z",
    );
  });
});
