import { describe, expect, it } from "vitest";
import { runRollupJobOnce } from "@/server/metrics/rollupJob";
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
});
