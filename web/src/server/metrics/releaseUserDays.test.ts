// Distinct users per release from the day rows, checked against a count of the seeded
// traces worked out here, for periods cut anywhere: whole days, partial first and last
// days, both cuts inside one day, midnight exactly.
import { describe, expect, it } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { refreshRollups } from "@/server/metrics/rollups";
import { countReleaseUsers } from "@/server/metrics/releaseUserDays";

const t0 = Date.UTC(2026, 10, 24, 0, 0);
const minute = 60_000;
const day = 24 * 60;
const at = (minutes: number) => new Date(t0 + minutes * minute);

interface Seeded {
  id: string;
  release: string | null;
  userId: string | null;
  minute: number;
}

/**
 * Three days of traces from 40 users on two releases, each user at their own rhythm (a
 * trace every 97 + 13·u minutes from minute 7·u), so users come and go at every hour of the
 * day; some traces without a user or a release, which never count.
 */
function seededTraces(): Seeded[] {
  const traces: Seeded[] = [];
  for (let user = 0; user < 40; user++) {
    for (let m = 7 * user, i = 0; m < 3 * day; m += 97 + 13 * user, i++) {
      traces.push({ id: `u${user}-${i}`, release: user % 3 === 0 ? "v2" : "v1", userId: `user-${user}`, minute: m });
    }
  }
  for (let i = 0; i < 30; i++) {
    traces.push({ id: `anonymous-${i}`, release: "v1", userId: null, minute: i * 100 });
    traces.push({ id: `unreleased-${i}`, release: null, userId: `user-x${i}`, minute: i * 100 });
  }
  return traces;
}

function expectedUsers(traces: Seeded[], release: string, from: Date, to: Date): number {
  const inPeriod = traces.filter(
    (trace) => trace.release === release && trace.userId !== null && at(trace.minute) >= from && at(trace.minute) < to,
  );
  return new Set(inPeriod.map((trace) => trace.userId)).size;
}

async function ingest(database: Parameters<typeof ingestTraces>[0], projectId: string, traces: Seeded[]): Promise<void> {
  for (let i = 0; i < traces.length; i += 500) {
    const batch = traces.slice(i, i + 500).map((trace) => ({
      id: trace.id,
      startTime: at(trace.minute).toISOString(),
      ...(trace.release ? { release: trace.release } : {}),
      ...(trace.userId ? { userId: trace.userId } : {}),
    }));
    expect((await ingestTraces(database, projectId, batch)).rejected).toEqual([]);
  }
}

describe.each(await testDatabaseKinds())("release users per day on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("counts each release's distinct users exactly for periods cut anywhere", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const { project: other } = await createProjectWithKeys(test.database);
    const traces = seededTraces();
    await ingest(test.database, project.id, traces);
    // Another project's users of the same releases never count.
    await ingest(test.database, other.id, [{ id: "elsewhere", release: "v1", userId: "user-elsewhere", minute: 600 }]);
    await refreshRollups(test.database, project.id);
    await refreshRollups(test.database, other.id);

    const periods: [number, number][] = [
      [0, 3 * day], // three whole days
      [day, 2 * day], // one whole day, midnight to midnight
      [95, 3 * day - 200], // partial first and last days
      [day + 1, 2 * day + 1], // one minute into each of two days
      [day + 300, day + 420], // both cuts inside one day
      [0, 1], // the first minute
      [2 * day - 1, 2 * day + 1], // across one midnight
      [600, day], // partial first day, ending at midnight
      [day, 2 * day + 777], // starting at midnight, partial last day
      [5 * day, 6 * day], // after every trace
    ];
    for (const [start, end] of periods) {
      const from = at(start);
      const to = at(end);
      const users = await countReleaseUsers(test.database, project.id, ["v1", "v2"], from, to);
      expect({ start, end, v1: users.get("v1") ?? 0, v2: users.get("v2") ?? 0 }).toEqual({
        start,
        end,
        v1: expectedUsers(traces, "v1", from, to),
        v2: expectedUsers(traces, "v2", from, to),
      });
    }
    // The periods reach the interesting cases: users on both sides of each cut.
    expect(expectedUsers(traces, "v1", at(95), at(3 * day - 200))).toBeGreaterThan(
      expectedUsers(traces, "v1", at(day + 300), at(day + 420)),
    );
  });

  it("follows a trace moved to another release once the rollups are refreshed", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await ingest(test.database, project.id, [
      { id: "a", release: "v1", userId: "ann", minute: 60 },
      { id: "b", release: "v1", userId: "bob", minute: 120 },
    ]);
    await refreshRollups(test.database, project.id);
    const period = [at(0), at(day)] as const;
    expect(Object.fromEntries(await countReleaseUsers(test.database, project.id, ["v1", "v2"], ...period))).toEqual({ v1: 2 });

    // The application re-sends trace b, now labelled with the candidate release.
    await ingest(test.database, project.id, [{ id: "b", release: "v2", userId: "bob", minute: 120 }]);
    await refreshRollups(test.database, project.id);
    expect(Object.fromEntries(await countReleaseUsers(test.database, project.id, ["v1", "v2"], ...period))).toEqual({ v1: 1, v2: 1 });
  });
});
