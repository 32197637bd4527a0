import { describe, expect, it } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";
import { alertPreviewInputSchema } from "@/contracts/alerts";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { refreshRollups } from "@/server/metrics/rollups";
import { previewAlertRule } from "@/server/alerts/alertPreview";

const base = Date.parse("2026-11-28T12:00:00.000Z");
const now = new Date(base + 30_000);
const hourMs = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

// Model m3 fails every call from 30 to 25 hours ago; model mk (k not 3) fails k calls of every 20, always.
const spikeFrom = base - 30 * hourMs;
const spikeTo = base - 25 * hourMs;

/** One call every 2 minutes per model m0..m6 over the last 36 hours. */
function calls() {
  return Array.from({ length: 7 }, (_, k) =>
    Array.from({ length: 1080 }, (_, j) => {
      const start = base - (j + 1) * 120_000;
      const failed = k === 3 ? start >= spikeFrom && start < spikeTo : j % 20 < k;
      return { id: `m${k}-${j}`, model: `m${k}`, startTime: iso(start), endTime: iso(start + 900), ...(failed ? { status: "error" } : {}) };
    }),
  ).flat();
}

describe.each(await testDatabaseKinds())("alert preview on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("replays a rule split by model: the five models with the highest peaks, and the one spike firing once", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const traces = calls();
    for (let i = 0; i < traces.length; i += 2000) await ingestTraces(test.database, project.id, traces.slice(i, i + 2000));
    await refreshRollups(test.database, project.id);
    const preview = await previewAlertRule(
      test.database,
      project.id,
      alertPreviewInputSchema.parse({
        metric: "errorRate",
        groupBy: "model",
        windowSeconds: 3600,
        condition: { op: "above", threshold: 0.5 },
        forSeconds: 3600,
        minSamples: 20,
      }),
      now,
    );
    expect(preview).toMatchObject({ stepSeconds: 1800, to: iso(base), relative: false });
    // An hour holds 30 calls per model: mk peaks at (k + min(k, 10)) of 30 (a whole 20 and the 10 after its failures), m3 at 30.
    expect(preview.series.map((series) => series.group)).toEqual(["m3", "m6", "m5", "m4", "m2"]);
    for (const series of preview.series) expect(series.points).toHaveLength(7 * 48 + 1);
    const m6 = preview.series.find((series) => series.group === "m6");
    expect(Math.max(...(m6?.points ?? []).map((point) => point.value ?? 0))).toBeCloseTo(12 / 30, 12);
    // Above 0.5 at every step whose hour lies inside the spike (half in it is 0.5, not above):
    // from 29 hours ago, firing after its hour of `for`, until the first step after the spike.
    expect(preview.firings).toEqual([
      { group: "m3", from: iso(spikeFrom + 2 * hourMs), to: iso(spikeTo + hourMs / 2), severity: "critical" },
    ]);
  });

  it("fires on a sum of nothing from the first step: no requests is a value, not missing data", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const preview = await previewAlertRule(
      test.database,
      project.id,
      alertPreviewInputSchema.parse({ metric: "requests", windowSeconds: 600, condition: { op: "below", threshold: 10 } }),
      now,
    );
    expect(preview.series).toHaveLength(1);
    expect(preview.series[0]?.points.every((point) => point.value === 0 && point.samples === 0)).toBe(true);
    expect(preview.firings).toEqual([{ group: "", from: preview.from, to: null, severity: "critical" }]);
    // A rate of nothing has no value: no firing, whatever the level.
    const rate = await previewAlertRule(
      test.database,
      project.id,
      alertPreviewInputSchema.parse({ metric: "errorRate", windowSeconds: 600, condition: { op: "below", threshold: 0.5 } }),
      now,
    );
    expect(rate.series[0]?.points.every((point) => point.value === null && point.compared === null)).toBe(true);
    expect(rate.firings).toEqual([]);
  });
});
