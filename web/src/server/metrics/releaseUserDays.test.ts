// Distinct users per release from the day rows, checked against a count of the seeded
// traces worked out here, for periods cut anywhere: whole days, partial first and last
// days, both cuts inside one day, midnight exactly.
import { describe, expect, it } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { refreshRollups } from "@/server/metrics/rollups";
import { countReleaseUsers, refreshReleaseUserDays } from "@/server/metrics/releaseUserDays";

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
  // Users seen exactly at a period's cuts (below): the start is in the period, the end is not.
  for (const [user, release, minute] of [
    ["at-start", "edge-days", 95],
    ["at-end", "edge-days", 3 * day - 200],
    ["at-start-same-day", "edge-day", day + 300],
    ["at-end-same-day", "edge-day", day + 420],
  ] as const) {
    traces.push({ id: user, release, userId: user, minute });
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
    // A user seen exactly at the start counts, one seen exactly at the end does not,
    // through the day rows and through the raw traces.
    for (const [release, start, end] of [
      ["edge-days", 95, 3 * day - 200],
      ["edge-day", day + 300, day + 420],
    ] as const) {
      const users = await countReleaseUsers(test.database, project.id, [release], at(start), at(end));
      expect(Object.fromEntries(users)).toEqual({ [release]: 1 });
    }
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

  it("leaves no row behind a trace re-sent under another user, without one, or on another day", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await ingest(test.database, project.id, [
      { id: "a", release: "v1", userId: "device-7f3", minute: 60 },
      { id: "b", release: "v1", userId: "bob", minute: 120 },
      { id: "c", release: "v1", userId: "cat", minute: 180 },
      { id: "d", release: "v2", userId: "dan", minute: 240 },
      { id: "e", release: "v2", userId: "eve", minute: 300 },
    ]);
    await refreshRollups(test.database, project.id);
    const users = async (start: number, end: number) =>
      Object.fromEntries(await countReleaseUsers(test.database, project.id, ["v1", "v2"], at(start), at(end)));
    expect(await users(0, day)).toEqual({ v1: 3, v2: 2 });

    await ingest(test.database, project.id, [
      { id: "a", release: "v1", userId: "ann", minute: 60 }, // the anonymous device logged in
      { id: "b", release: "v1", userId: null, minute: 120 }, // the user id was dropped
      { id: "c", release: "v1", userId: "cat", minute: day + 180 }, // the start was a day off
      { id: "d", release: "v2", userId: "dan", minute: 250 }, // moved within its day
      { id: "e", release: "v2", userId: "eve", minute: 2 * day + 300 }, // moved twice before the next pass
    ]);
    await ingest(test.database, project.id, [{ id: "e", release: "v2", userId: "eve", minute: day + 300 }]);
    await refreshRollups(test.database, project.id);
    expect(await users(0, day)).toEqual({ v1: 1, v2: 1 });
    expect(await users(day, 2 * day)).toEqual({ v1: 1, v2: 1 });
    expect(await users(2 * day, 3 * day)).toEqual({});
    expect(await users(245, day)).toEqual({ v2: 1 });
  });

  it("cuts days at UTC midnight whatever the session's time zone, across daylight saving changes", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const utc = (iso: string) => new Date(iso).getTime();
    const traces: Seeded[] = [
      // New York leaves daylight saving on 1 November: a day there is 25 hours.
      { id: "nov-1", release: "v1", userId: "ann", minute: (utc("2026-11-01T10:00:00Z") - t0) / minute },
      { id: "nov-2", release: "v2", userId: "ann", minute: (utc("2026-11-02T00:30:00Z") - t0) / minute },
      // and enters it on 8 March: a day there is 23 hours.
      { id: "mar-8", release: "v1", userId: "bob", minute: (utc("2026-03-08T23:30:00Z") - t0) / minute },
    ];
    await ingest(test.database, project.id, traces);
    await test.database.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL TimeZone = 'America/New_York'`;
      await refreshReleaseUserDays(tx, project.id, new Date(0), new Date("2026-01-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z"));
    });
    const users = async (from: string, to: string) =>
      Object.fromEntries(await countReleaseUsers(test.database, project.id, ["v1", "v2"], new Date(from), new Date(to)));
    expect(await users("2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z")).toEqual({ v1: 1 });
    expect(await users("2026-11-02T00:00:00Z", "2026-11-03T00:00:00Z")).toEqual({ v2: 1 });
    expect(await users("2026-03-08T00:00:00Z", "2026-03-09T00:00:00Z")).toEqual({ v1: 1 });
  });
});
