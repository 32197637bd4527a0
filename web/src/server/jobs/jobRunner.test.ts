import { afterEach, describe, expect, it, vi } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { defineJob } from "@/server/jobs/jobDefinition";
import { deadLetterQueue, startJobRunner, type JobRunner } from "@/server/jobs/jobRunner";

const kinds = await testDatabaseKinds();

describe.each(kinds)("job runner on %s", (kind) => {
  const test = useTestDatabase(kind);
  const runners: JobRunner[] = [];
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  });
  const start = async (definition: Parameters<typeof defineJob<{ n: number }>>[0], work = true) => {
    const runner = await startJobRunner({
      database: test.database,
      jobSql: test.jobSql,
      definitions: [definition],
      work,
      pollingIntervalSeconds: 0.5,
    });
    runners.push(runner);
    return runner;
  };

  it("two workers sharing the database run every job exactly once", async () => {
    const seen: number[] = [];
    let allSeen: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (allSeen = resolve));
    const definition = defineJob<{ n: number }>({
      queue: "count",
      title: "Count",
      policy: "standard",
      retryLimit: 0,
      retryDelaySeconds: 1,
      expireInSeconds: 60,
      batchSize: 5,
      handle: async ({ n }) => {
        seen.push(n);
        if (seen.length === 40) allSeen();
        await Promise.resolve();
      },
    });
    const first = await start(definition, false);
    await first.context.send(
      "count",
      Array.from({ length: 40 }, (_, n) => ({ n })),
    );
    await Promise.all([start(definition), start(definition)]);
    await done;
    expect(seen.toSorted((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, n) => n));
  });

  it("a failing job is retried, then kept as failed with its error and copied to the dead letters; the others still run", async () => {
    const attempts = new Map<number, number>();
    const definition = defineJob<{ n: number }>({
      queue: "flaky",
      title: "Flaky",
      policy: "standard",
      retryLimit: 1,
      retryDelaySeconds: 0,
      expireInSeconds: 60,
      batchSize: 3,
      handle: ({ n }) => {
        attempts.set(n, (attempts.get(n) ?? 0) + 1);
        return n === 1 ? Promise.reject(new Error(`trace ${n} could not be scored`)) : Promise.resolve();
      },
    });
    const runner = await start(definition);
    await runner.context.send("flaky", [{ n: 0 }, { n: 1 }, { n: 2 }]);
    await vi.waitFor(
      async () => {
        const { rows } = await test.jobSql.executeSql(
          "SELECT state, output->>'message' AS error FROM pgboss.job WHERE name = 'flaky' AND data->>'n' = '1'",
          [],
        );
        expect(rows).toEqual([{ state: "failed", error: "trace 1 could not be scored" }]);
      },
      { timeout: 20_000, interval: 200 },
    );
    expect(Object.fromEntries(attempts)).toEqual({ 0: 1, 1: 2, 2: 1 });
    const { rows: dead } = await test.jobSql.executeSql(`SELECT data FROM pgboss.job WHERE name = '${deadLetterQueue}'`, []);
    expect(dead).toEqual([{ data: { n: 1 } }]);
  });

  it("an interval schedule queues one job per interval however many processes tick", async () => {
    const definition = defineJob<{ n: number }>({
      queue: "tick",
      title: "Tick",
      policy: "stately",
      everySeconds: 3600,
      retryLimit: 0,
      retryDelaySeconds: 1,
      expireInSeconds: 60,
      handle: () => Promise.resolve(),
    });
    await Promise.all([start(definition, false), start(definition, false), start(definition, false)]);
    const { rows } = await test.jobSql.executeSql("SELECT count(*)::int AS jobs FROM pgboss.job WHERE name = 'tick'", []);
    expect(rows).toEqual([{ jobs: 1 }]);
  });
});
