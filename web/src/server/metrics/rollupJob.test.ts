import { describe, expect, it, vi } from "vitest";
import { runRollupJobOnce } from "@/server/metrics/rollupJob";
import { refreshRollups } from "@/server/metrics/rollups";
import { getMetrics } from "@/server/metrics/metricsQuery";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";

describe.each(await testDatabaseKinds())("the rollup job on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("rolls up projects with new traces, and running it again changes nothing", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await ingestTraces(test.database, project.id, [{ id: "j-1", startTime: "2026-03-01T10:00:30Z", endTime: "2026-03-01T10:00:31Z" }]);
    const rollups = async () =>
      (
        await test.database.metricRollup.findMany({
          where: { projectId: project.id, dimension: "all" },
          select: { granularity: true, requests: true },
        })
      )
        .map((row) => [row.granularity, row.requests])
        .sort();
    expect(await runRollupJobOnce(test.database)).toBeGreaterThanOrEqual(1);
    expect(await rollups()).toEqual([
      ["day", 1],
      ["hour", 1],
      ["minute", 1],
    ]);
    // Traces of the last minutes are looked at again (late commits); nothing is counted twice.
    await runRollupJobOnce(test.database);
    expect(await rollups()).toEqual([
      ["day", 1],
      ["hour", 1],
      ["minute", 1],
    ]);
  });

  it("isolates a project whose refresh fails: the others are refreshed and the failure is logged", async () => {
    const broken = await createProjectWithKeys(test.database);
    const healthy = await createProjectWithKeys(test.database);
    for (const { project } of [broken, healthy]) {
      await ingestTraces(test.database, project.id, [{ id: "x", startTime: "2026-03-01T10:00:30Z", endTime: "2026-03-01T10:00:31Z" }]);
    }
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const refreshed = await runRollupJobOnce(test.database, async (database, projectId) => {
        if (projectId === broken.project.id) throw new Error("poisoned rows");
        await refreshRollups(database, projectId);
      });
      expect(refreshed).toBeGreaterThanOrEqual(1);
      expect(logged).toHaveBeenCalledWith(expect.stringContaining(broken.project.id), expect.any(Error));
    } finally {
      logged.mockRestore();
    }
    const count = (projectId: string) => test.database.metricRollup.count({ where: { projectId, dimension: "all" } });
    expect(await count(healthy.project.id)).toBe(3);
    expect(await count(broken.project.id)).toBe(0);
  });

  it("rolls up costs stored before the cost cap (1e308 each) without overflowing, counting each at the cap", async () => {
    const { project } = await createProjectWithKeys(test.database);
    // Rows as the API accepted them before costs were capped: written past the contract.
    for (const id of ["old-1", "old-2"]) {
      await test.database.trace.create({
        data: { projectId: project.id, id, startTime: new Date("2026-03-01T10:00:30Z"), costUsd: 1e308, contentHash: id },
      });
    }
    await refreshRollups(test.database, project.id);
    const metrics = await getMetrics(
      test.database,
      project.id,
      { from: "2026-03-01T10:00:00Z", to: "2026-03-01T11:00:00Z" },
      new Date("2026-03-02T00:00:00Z"),
    );
    expect(metrics.totals.requests).toBe(2);
    expect(metrics.totals.costUsd).toBe(2_000_000);
  });

  it("rolls up and reports traces at both ends of the accepted window (1970 and the last moment of 9999)", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const result = await ingestTraces(test.database, project.id, [
      { id: "first", startTime: "1970-01-01T00:00:00Z", endTime: "1970-01-01T00:00:01Z" },
      { id: "last", startTime: "9999-12-31T23:59:59.999Z", endTime: "9999-12-31T23:59:59.999Z" },
    ]);
    expect(result.rejected).toEqual([]);
    await refreshRollups(test.database, project.id);
    const at = (from: string, to: string) => getMetrics(test.database, project.id, { from, to }, new Date("2026-03-02T00:00:00Z"));
    expect((await at("9999-12-01T00:00:00Z", "9999-12-31T23:59:59.999Z")).totals.requests).toBe(1);
    expect((await at("1970-01-01T00:00:00Z", "1970-01-02T00:00:00Z")).totals.requests).toBe(1);
  });
});
