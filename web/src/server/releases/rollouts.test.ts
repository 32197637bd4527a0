// Rollouts through the real API wrapper, and the guard over traffic simulated minute by
// minute: users split by the documented assignment, their requests and thumbs ingested and
// rolled up as in production, the guard looking as its job does.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";
import { callWithKey, testApiRoute } from "@/test/testApiRoute";
import type { Database } from "@/server/db/client";
import { rolloutSchema, rolloutSplitSchema, type Rollout } from "@/contracts/rollouts";
import { channelNotificationSchema } from "@/contracts/alerts";
import { assignRelease } from "@liveloop/widget/server";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { ingestFeedback } from "@/server/feedback/ingestFeedback";
import { refreshRollups } from "@/server/metrics/rollups";
import { rolloutEndpoints } from "@/server/releases/rolloutRoutes";
import { guardRollouts } from "@/server/releases/guardRollouts";
import { findRollout, rolloutHistory, rolloutView } from "@/server/releases/rollouts";
import type { RouteHandler } from "@/server/api/route";

const t0 = Date.UTC(2026, 10, 20, 0, 0);
const minute = 60_000;
const at = (minutes: number) => new Date(t0 + minutes * minute);

const [createRoute, , splitRoute, assignRoute, historyRoute, promoteRoute, pauseRoute, resumeRoute, rollbackRoute] = rolloutEndpoints;

function routes(database: Database, now: Date) {
  const wrap = testApiRoute(database, now);
  const handler = (spec: (typeof rolloutEndpoints)[number] | undefined): RouteHandler => {
    if (!spec) throw new Error("missing endpoint");
    return wrap(spec);
  };
  return {
    create: handler(createRoute),
    split: handler(splitRoute),
    assign: handler(assignRoute),
    history: handler(historyRoute),
    act: { promote: handler(promoteRoute), pause: handler(pauseRoute), resume: handler(resumeRoute), rollback: handler(rollbackRoute) },
  };
}

async function startRollout(database: Database, key: string, body: Record<string, unknown>, now: Date) {
  const response = await callWithKey(routes(database, now).create, key, { path: "/api/v1/rollouts", body });
  expect(response.status, await response.clone().text()).toBe(201);
  return rolloutSchema.parse(await response.json());
}

interface ArmCounters {
  baseline: number;
  candidate: number;
}

/**
 * `minutes` of traffic from `users` users, one request each, all thumbed: every 10th answer
 * of the baseline is a thumbs-down, and `candidateDownOf10` of every 10 of the candidate's
 * (1: as good, 3: three times the thumbs-down). Counted per arm, so each arm's rate is what
 * it is set to whatever the split, and a good candidate is never unlucky.
 */
async function simulate(
  database: Database,
  projectId: string,
  rollout: Pick<Rollout, "key" | "salt" | "baseline" | "candidate" | "candidateShare">,
  from: number,
  minutes: number,
  users: number,
  candidateDownOf10: number,
  counters: ArmCounters,
  now: Date,
) {
  const traces = Array.from({ length: users }, (_, user) => {
    const { release, arm } = assignRelease(rollout, `user-${user}`);
    const count = counters[arm]++;
    const down = arm === "baseline" ? count % 10 === 0 : count % 10 < candidateDownOf10;
    const start = at(from + (user % minutes) + 0.5);
    return {
      id: `${rollout.key}-${from}-${user}`,
      startTime: start.toISOString(),
      endTime: new Date(start.getTime() + 300 + (count % 7) * 50).toISOString(),
      release,
      userId: `user-${user}`,
      down,
    };
  });
  for (let i = 0; i < traces.length; i += 500) {
    const batch = traces.slice(i, i + 500).map(({ down: _down, ...trace }) => trace);
    expect((await ingestTraces(database, projectId, batch)).rejected).toEqual([]);
  }
  const feedback = traces.map((trace) => ({
    id: `${trace.id}-thumb`,
    traceId: trace.id,
    type: "thumb",
    value: trace.down ? -1 : 1,
    timestamp: trace.endTime,
  }));
  for (let i = 0; i < feedback.length; i += 1000)
    expect((await ingestFeedback(database, projectId, feedback.slice(i, i + 1000), now)).rejected).toEqual([]);
  await refreshRollups(database, projectId);
}

async function releasesChannel(database: Database, projectId: string): Promise<string> {
  const channel = await database.alertChannel.create({
    data: { projectId, name: "releases", type: "webhook", url: "https://hooks.example.test/releases", secret: "whsec_dGVzdA==" },
    select: { id: true },
  });
  return channel.id;
}

describe.each(await testDatabaseKinds())("rollouts on %s", { timeout: 120_000 }, (kind) => {
  const test = useTestDatabase(kind);

  it("starts at the first stage with the documented defaults, and refuses bad definitions naming the field", async () => {
    const { secretKey } = await createProjectWithKeys(test.database);
    const rollout = await startRollout(test.database, secretKey.key, { key: "chat-answer", baseline: "v1", candidate: "v2" }, at(0));
    expect(rollout).toMatchObject({
      key: "chat-answer",
      stages: [0.01, 0.05, 0.25, 0.5, 1],
      stage: 0,
      candidateShare: 0.01,
      state: "running",
      minDwellSeconds: 3600,
      minSamples: 100,
      guardrails: [
        { metric: "errorRate", maxRegression: 0.1 },
        { metric: "thumbsDownRate", maxRegression: 0.1 },
        { metric: "latencyP95Ms", maxRegression: 0.25 },
      ],
    });
    expect(rollout.salt).toMatch(/^[0-9a-f]{24}$/);

    const create = routes(test.database, at(0)).create;
    const refused = async (body: Record<string, unknown>) => {
      const response = await callWithKey(create, secretKey.key, { path: "/api/v1/rollouts", body });
      expect(response.status).toBe(400);
      return ((await response.json()) as { errors: { path: (string | number)[] }[] }).errors.map((issue) => issue.path.join("."));
    };
    expect(await refused({ key: "a", baseline: "v1", candidate: "v2", stages: [0.05, 0.01, 1] })).toEqual(["stages"]);
    expect(await refused({ key: "a", baseline: "v1", candidate: "v2", stages: [0.1, 0.1, 1] })).toEqual(["stages"]);
    expect(await refused({ key: "a", baseline: "v1", candidate: "v2", stages: [0.1, 0.5] })).toEqual(["stages"]);
    expect(await refused({ key: "a", baseline: "v1", candidate: "v1" })).toEqual(["candidate"]);
    expect(await refused({ key: "a", baseline: "v1", candidate: "v2", guardrails: [{ metric: "vibes", maxRegression: 0.1 }] })).toEqual([
      "guardrails.0.metric",
    ]);
    const channel = await callWithKey(create, secretKey.key, {
      path: "/api/v1/rollouts",
      body: { key: "b", baseline: "v1", candidate: "v2", channels: ["00000000-0000-4000-8000-000000000000"] },
    });
    expect(channel.status).toBe(400);
    // A second rollout of a key still running is refused; nothing was half-written by the refusals.
    const again = await callWithKey(create, secretKey.key, {
      path: "/api/v1/rollouts",
      body: { key: "chat-answer", baseline: "v1", candidate: "v3" },
    });
    expect(again.status).toBe(409);
    expect(await test.database.rollout.count({ where: { key: { in: ["a", "b"] } } })).toBe(0);
  });

  it("serves the split to public keys, cacheably, and assigns users stickily as assignRelease does; an unknown key is 404", async () => {
    const { publicKey, secretKey } = await createProjectWithKeys(test.database);
    const rollout = await startRollout(
      test.database,
      secretKey.key,
      { key: "chat", baseline: "v1", candidate: "v2", stages: [0.3, 1] },
      at(0),
    );
    const api = routes(test.database, at(1));
    const get = (handler: RouteHandler, path: string, params: Record<string, string>, headers: Record<string, string> = {}) =>
      handler(
        new NextRequest(`http://liveloop.test${path}`, {
          headers: { authorization: `Bearer ${publicKey.key}`, origin: "https://chat.example.test", ...headers },
        }),
        { params: Promise.resolve(params) },
      );

    const split = await get(api.split, "/api/v1/rollouts/chat", { key: "chat" });
    expect(split.status).toBe(200);
    expect(split.headers.get("cache-control")).toBe("private, max-age=10");
    expect(split.headers.get("access-control-allow-origin")).toBe("https://chat.example.test");
    const body = rolloutSplitSchema.parse(await split.json());
    expect(body).toEqual({
      key: "chat",
      baseline: "v1",
      candidate: "v2",
      candidateShare: 0.3,
      salt: rollout.salt,
      stage: 0,
      stages: [0.3, 1],
      state: "running",
    });
    const unchanged = await get(api.split, "/api/v1/rollouts/chat", { key: "chat" }, { "if-none-match": split.headers.get("etag") ?? "" });
    expect(unchanged.status).toBe(304);

    let onCandidate = 0;
    for (let user = 0; user < 200; user++) {
      const response = await get(api.assign, `/api/v1/rollouts/chat/assign?unit=user-${user}`, { key: "chat" });
      expect(response.status).toBe(200);
      const assignment = (await response.json()) as { release: string; bucket: number };
      const expected = assignRelease(body, `user-${user}`);
      expect(assignment).toMatchObject({ release: expected.release, bucket: expected.bucket, candidateShare: 0.3 });
      if (assignment.release === "v2") onCandidate++;
    }
    // 30 % of 200, give or take the binomial spread (sd 6.5).
    expect(onCandidate).toBeGreaterThan(30);
    expect(onCandidate).toBeLessThan(90);

    expect((await get(api.assign, "/api/v1/rollouts/nope/assign?unit=u", { key: "nope" })).status).toBe(404);
    expect((await get(api.split, "/api/v1/rollouts/nope", { key: "nope" })).status).toBe(404);
    expect((await get(api.assign, "/api/v1/rollouts/chat/assign", { key: "chat" })).status).toBe(400);
    // A public key reads splits; it may not start or move rollouts.
    const forbidden = await callWithKey(api.create, publicKey.key, {
      path: "/api/v1/rollouts",
      body: { key: "x", baseline: "v1", candidate: "v2" },
    });
    expect(forbidden.status).toBe(403);
  });

  it("is promoted, paused, resumed and rolled back by hand, each change in the history; an ended key starts again with a new salt", async () => {
    const { project, secretKey } = await createProjectWithKeys(test.database);
    const first = await startRollout(
      test.database,
      secretKey.key,
      { key: "k", baseline: "v1", candidate: "v2", stages: [0.1, 0.5, 1] },
      at(0),
    );
    const act = async (action: keyof ReturnType<typeof routes>["act"], now: Date, status = 200) => {
      const response = await callWithKey(routes(test.database, now).act[action], secretKey.key, {
        path: `/api/v1/rollouts/k/${action}`,
        params: { key: "k" },
      });
      expect(response.status, await response.clone().text()).toBe(status);
      return status === 200 ? rolloutSchema.parse(await response.json()) : null;
    };
    expect(await act("promote", at(5))).toMatchObject({
      stage: 1,
      candidateShare: 0.5,
      state: "running",
      stageStartedAt: at(5).toISOString(),
    });
    expect(await act("pause", at(6))).toMatchObject({ state: "paused", candidateShare: 0.5 });
    // Pausing twice changes nothing.
    expect(await act("pause", at(7))).toMatchObject({ state: "paused", stageStartedAt: at(5).toISOString() });
    expect(await act("resume", at(8))).toMatchObject({ state: "running", stageStartedAt: at(8).toISOString() });
    expect(await act("rollback", at(9))).toMatchObject({ state: "rolled_back", candidateShare: 0 });
    await act("promote", at(10), 409);
    await act("resume", at(10), 409);

    const history = await rolloutHistory(test.database, project.id, "k");
    expect(history.map((event) => [event.action, event.fromShare, event.toShare])).toEqual([
      ["rolled_back", 0.5, 0],
      ["resumed", 0.5, 0.5],
      ["paused", 0.5, 0.5],
      ["advanced", 0.1, 0.5],
      ["created", 0, 0.1],
    ]);
    expect(new Set(history.map((event) => event.actor))).toEqual(new Set(["API key"]));

    const again = await startRollout(test.database, secretKey.key, { key: "k", baseline: "v1", candidate: "v3" }, at(20));
    expect(again).toMatchObject({ candidate: "v3", stage: 0, candidateShare: 0.01, state: "running" });
    expect(again.salt).not.toBe(first.salt);
    expect((await rolloutHistory(test.database, project.id, "k"))[0]).toMatchObject({ action: "created", fromShare: 0, toShare: 0.01 });
  });

  it("after a restart mid-stage, waits out what is left of the dwell time before advancing", async () => {
    const { project, secretKey } = await createProjectWithKeys(test.database);
    await startRollout(
      test.database,
      secretKey.key,
      {
        key: "steady",
        baseline: "v1",
        candidate: "v2",
        stages: [0.2, 1],
        minDwellSeconds: 3600,
        minSamples: 20,
        guardrails: [{ metric: "thumbsDownRate", maxRegression: 0.2 }],
      },
      at(0),
    );
    const counters = { baseline: 0, candidate: 0 };
    const rollout = rolloutView(await findRollout(test.database, project.id, "steady"));
    await simulate(test.database, project.id, rollout, 1, 40, 400, 1, counters, at(41));
    await guardRollouts(test.database, at(41));
    const waiting = rolloutView(await findRollout(test.database, project.id, "steady"));
    expect(waiting).toMatchObject({ state: "running", stage: 0 });
    expect(waiting.lastCheck?.decision).toBe("wait");
    expect(waiting.lastCheck?.reason).toContain("19 min left");
    // Nothing lives in the process: a guard in a new process (another call) reads the stage's start from the row.
    await guardRollouts(test.database, at(59));
    expect((await findRollout(test.database, project.id, "steady")).stageIndex).toBe(0);
    await guardRollouts(test.database, at(61));
    expect(await findRollout(test.database, project.id, "steady")).toMatchObject({ state: "completed", candidateShare: 1 });
  });

  it("simulated traffic: a good candidate advances through every stage; one with 3x the thumbs-down is rolled back at the first, with an alert and the evidence", async () => {
    // Each candidate in a project of its own: both compare against a baseline "v1".
    const projects = { good: await createProjectWithKeys(test.database), bad: await createProjectWithKeys(test.database) };
    const channels = {
      good: await releasesChannel(test.database, projects.good.project.id),
      bad: await releasesChannel(test.database, projects.bad.project.id),
    };
    const definition = {
      key: "answer",
      baseline: "v1",
      minDwellSeconds: 3600,
      minSamples: 30,
      guardrails: [
        { metric: "thumbsDownRate", maxRegression: 0.1 },
        { metric: "errorRate", maxRegression: 0.1 },
      ],
    };
    for (const which of ["good", "bad"] as const) {
      const { project, secretKey } = projects[which];
      await startRollout(test.database, secretKey.key, { ...definition, candidate: "v2", channels: [channels[which]] }, at(0));
      // A fixed salt makes the split, and so the run, the same every time.
      await test.database.rollout.updateMany({ where: { projectId: project.id }, data: { salt: `sim${which}` } });
    }

    const stepMinutes = 20;
    const counters = { good: { baseline: 0, candidate: 0 }, bad: { baseline: 0, candidate: 0 } };
    const sharesSeen = { good: [] as number[], bad: [] as number[] };
    for (let step = 0; step < 20; step++) {
      const from = 1 + step * stepMinutes;
      const now = at(from + stepMinutes);
      // The bad candidate's project has more traffic: enough for its 1 % to show the regression within the first hour.
      for (const [which, downOf10, users] of [
        ["good", 1, 1500],
        ["bad", 3, 4000],
      ] as const) {
        const projectId = projects[which].project.id;
        const rollout = rolloutView(await findRollout(test.database, projectId, "answer"));
        if (rollout.state !== "running" && rollout.state !== "paused") continue;
        sharesSeen[which].push(rollout.candidateShare);
        await simulate(test.database, projectId, rollout, from, stepMinutes, users, downOf10, counters[which], now);
      }
      await guardRollouts(test.database, now);
      const states = await test.database.rollout.findMany({
        where: { projectId: { in: [projects.good.project.id, projects.bad.project.id] } },
        select: { state: true },
      });
      if (states.every((row) => row.state === "completed" || row.state === "rolled_back")) break;
    }

    const good = await findRollout(test.database, projects.good.project.id, "answer");
    expect(good).toMatchObject({ state: "completed", candidateShare: 1 });
    expect([...new Set(sharesSeen.good)]).toEqual([0.01, 0.05, 0.25, 0.5]);
    const goodHistory = await rolloutHistory(test.database, projects.good.project.id, "answer");
    expect(goodHistory.map((event) => event.action).reverse()).toEqual(["created", "advanced", "advanced", "advanced", "completed"]);
    for (const event of goodHistory.filter((entry) => entry.actor === "guard")) {
      expect(event.evidence?.guardrails.map((check) => check.status)).toEqual(["holds", "holds"]);
      expect(event.evidence?.srm?.mismatch).toBe(false);
    }
    // Every stage lasted its dwell time.
    const times = goodHistory.map((event) => Date.parse(event.at)).reverse();
    for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(3600_000);

    const bad = await findRollout(test.database, projects.bad.project.id, "answer");
    expect(bad).toMatchObject({ state: "rolled_back", candidateShare: 0, stageIndex: 0 });
    expect([...new Set(sharesSeen.bad)]).toEqual([0.01]);
    const [rolledBack] = await rolloutHistory(test.database, projects.bad.project.id, "answer");
    expect(rolledBack).toMatchObject({ action: "rolled_back", actor: "guard", fromShare: 0.01, toShare: 0 });
    // Within the first stage's dwell time: a breach does not wait for it (nor was the rollout paused first).
    expect(Date.parse(rolledBack?.at ?? "")).toBeLessThan(at(60).getTime());
    expect((await rolloutHistory(test.database, projects.bad.project.id, "answer")).map((event) => event.action)).toEqual([
      "rolled_back",
      "created",
    ]);
    expect(rolledBack?.reason).toMatch(/^Guardrail breached: thumbsDownRate is \d+ % worse/);
    expect(rolledBack?.evidence?.guardrails.find((check) => check.metric === "thumbsDownRate")?.status).toBe("breached");

    // The guard's moves reached each project's channel: four advances and the completion, the rollback.
    const told = async (which: "good" | "bad") => {
      const deliveries = await test.database.alertDelivery.findMany({
        where: { projectId: projects[which].project.id },
        orderBy: { createdAt: "asc" },
      });
      expect(deliveries.every((delivery) => delivery.kind === "rollout" && delivery.channelId === channels[which])).toBe(true);
      return deliveries.map((delivery) => channelNotificationSchema.parse(delivery.payload).type);
    };
    expect(await told("good")).toEqual(["rollout.advanced", "rollout.advanced", "rollout.advanced", "rollout.completed"]);
    expect(await told("bad")).toEqual(["rollout.rolled_back"]);
  });
});
