import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { createApiRoute, type RouteDependencies } from "@/server/api/route";
import { createRateLimiter } from "@/server/api/rateLimiter";
import { defineJob, type JobDefinition } from "@/server/jobs/jobDefinition";
import { startJobRunner, type JobRunner } from "@/server/jobs/jobRunner";
import { jobEndpointsWith } from "@/server/jobs/jobRoutes";
import { jobsPageSize } from "@/server/jobs/jobsView";
import { jobListSchema, type JobList } from "@/contracts/jobs";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { addMemberWithRole, createProjectWithKeys, signedIn } from "@/test/factories";

const base = "http://liveloop.test";

describe.each(await testDatabaseKinds())("the Jobs endpoints on %s", (kind) => {
  const test = useTestDatabase(kind);
  const runners: JobRunner[] = [];
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  });

  // A trace whose scoring fails the first time it runs, and works once retried.
  const attempts = new Map<string, number>();
  const evaluate = defineJob<{ projectId: string; traceId: string }>({
    queue: "evaluate-trace",
    title: "Evaluate a trace",
    policy: "standard",
    routine: true,
    retryLimit: 0,
    retryDelaySeconds: 0,
    expireInSeconds: 60,
    handle: ({ projectId, traceId }) => {
      const key = `${projectId}/${traceId}`;
      attempts.set(key, (attempts.get(key) ?? 0) + 1);
      return traceId === "t-bad" && attempts.get(key) === 1
        ? Promise.reject(new Error(`${traceId} could not be scored`))
        : Promise.resolve();
    },
  });
  // A schedule every project shares (as rollups and review routing are): no projectId in its data.
  const nightly = defineJob({
    queue: "nightly",
    title: "Nightly clean-up",
    policy: "stately",
    everySeconds: 3600,
    retryLimit: 0,
    retryDelaySeconds: 0,
    expireInSeconds: 60,
    handle: () => Promise.resolve(),
  });
  // A project's own piece of work, started by a person: not routine, so it stays in view when done.
  const backfill = defineJob<{ projectId: string }>({
    queue: "evaluation-backfill",
    title: "Evaluator backfill",
    policy: "standard",
    retryLimit: 0,
    retryDelaySeconds: 0,
    expireInSeconds: 60,
    handle: () => Promise.resolve(),
  });
  const definitions: JobDefinition[] = [evaluate, nightly, backfill];

  const start = async (work: boolean, runnerDefinitions: readonly JobDefinition[] = definitions) => {
    const runner = await startJobRunner({
      database: test.database,
      jobSql: test.jobSql,
      definitions: runnerDefinitions,
      work,
      pollingIntervalSeconds: 0.5,
    });
    runners.push(runner);
    return runner;
  };

  /** A request through the real route wrapper, signed in as `user`. */
  const call = async (
    user: { id: string; email: string },
    runner: JobRunner | null,
    request: { method: "GET" | "POST"; projectId: string; path: string; id?: string },
  ) => {
    const dependencies: RouteDependencies = {
      database: () => test.database,
      rateLimiter: () => createRateLimiter(100_000),
      sessionUser: () => Promise.resolve(signedIn(user)),
      now: () => new Date(),
      checkResponses: true,
    };
    const [list, retry] = jobEndpointsWith(() => (runner ? Promise.resolve(runner) : Promise.reject(new Error("no runner"))), definitions);
    const handler = createApiRoute(dependencies)(request.method === "GET" ? list : retry);
    const params = { projectId: request.projectId, ...(request.id ? { id: request.id } : {}) };
    return handler(new NextRequest(`${base}${request.path}`, { method: request.method, headers: { origin: base } }), {
      params: Promise.resolve(params),
    });
  };
  const listJobs = async (user: { id: string; email: string }, projectId: string, query = ""): Promise<JobList> => {
    const response = await call(user, null, { method: "GET", projectId, path: `/api/v1/projects/${projectId}/jobs${query}` });
    expect(response.status).toBe(200);
    return jobListSchema.parse(await response.json());
  };
  const retryJob = (user: { id: string; email: string }, runner: JobRunner, projectId: string, id: string) =>
    call(user, runner, { method: "POST", projectId, id, path: `/api/v1/projects/${projectId}/jobs/${id}/retry` });

  const stateOf = async (queue: string, projectId: string, traceId: string) => {
    const { rows } = await test.jobSql.executeSql(
      "SELECT id, state FROM pgboss.job WHERE name = $1 AND data->>'projectId' = $2 AND data->>'traceId' = $3",
      [queue, projectId, traceId],
    );
    return rows as { id: string; state: string }[];
  };

  it("lists the project's jobs and the shared schedules with errors and counts, and retries a failed one for owners only", async () => {
    const { project, owner } = await createProjectWithKeys(test.database);
    const { project: other } = await createProjectWithKeys(test.database);
    const viewer = await addMemberWithRole(test.database, project.id, "viewer");

    // Before the job runner first starts there are no job tables, and so no jobs.
    expect(await listJobs(viewer, project.id)).toEqual({
      data: [],
      counts: { current: 0, queued: 0, active: 0, failed: 0, completed: 0 },
      nextCursor: null,
    });

    const runner = await start(true);
    await runner.context.send("evaluate-trace", [
      { projectId: project.id, traceId: "t-good" },
      { projectId: project.id, traceId: "t-bad" },
      { projectId: other.id, traceId: "t-bad" },
    ]);
    await runner.context.send("evaluation-backfill", [{ projectId: project.id }]);
    await vi.waitFor(
      async () => {
        expect((await stateOf("evaluate-trace", project.id, "t-bad"))[0]?.state).toBe("failed");
        expect((await stateOf("evaluate-trace", other.id, "t-bad"))[0]?.state).toBe("failed");
        expect((await stateOf("evaluate-trace", project.id, "t-good"))[0]?.state).toBe("completed");
        const backfills = await test.jobSql.executeSql("SELECT state FROM pgboss.job WHERE name = 'evaluation-backfill'", []);
        expect(backfills.rows).toEqual([{ state: "completed" }]);
        const { rows } = await test.jobSql.executeSql("SELECT state FROM pgboss.job WHERE name = 'nightly'", []);
        expect(rows).toEqual([{ state: "completed" }]);
      },
      { timeout: 20_000, interval: 200 },
    );

    const listed = await listJobs(viewer, project.id);
    // The other project's failed job is not there; the shared schedule is.
    expect(listed.counts).toEqual({ current: 2, queued: 0, active: 0, failed: 1, completed: 3 });
    // Current leaves out routine runs that completed (the schedule, one trace's evaluation), not the backfill.
    expect((await listJobs(viewer, project.id, "?state=current")).data.map((job) => [job.title, job.state]).sort()).toEqual([
      ["Evaluate a trace", "failed"],
      ["Evaluator backfill", "completed"],
    ]);
    expect(listed.data.map((job) => [job.title, job.scope, job.state]).sort()).toEqual([
      ["Evaluate a trace", "project", "completed"],
      ["Evaluate a trace", "project", "failed"],
      ["Evaluator backfill", "project", "completed"],
      ["Nightly clean-up", "instance", "completed"],
    ]);
    const failed = listed.data.find((job) => job.state === "failed");
    expect(failed).toMatchObject({ queue: "evaluate-trace", attempts: 0, retryLimit: 0, error: { message: "t-bad could not be scored" } });
    expect(failed?.error?.stack).toContain("Error: t-bad could not be scored");
    expect(failed?.startedAt).not.toBeNull();
    expect(failed?.finishedAt).not.toBeNull();
    expect((await listJobs(viewer, project.id, "?state=failed")).data.map((job) => job.id)).toEqual([failed?.id]);
    expect((await listJobs(viewer, project.id, "?state=queued")).data).toEqual([]);

    const failedId = failed?.id ?? "";
    const [otherFailed] = await stateOf("evaluate-trace", other.id, "t-bad");
    const completed = listed.data.find((job) => job.state === "completed" && job.queue === "evaluate-trace");

    // Viewers see jobs but may not retry them.
    expect((await retryJob(viewer, runner, project.id, failedId)).status).toBe(403);
    // Another project's job is not this project's to retry, even by its id.
    expect((await retryJob(owner, runner, project.id, otherFailed?.id ?? "")).status).toBe(404);
    // A job that did not fail has nothing to retry.
    expect((await retryJob(owner, runner, project.id, completed?.id ?? "")).status).toBe(409);

    const retried = await retryJob(owner, runner, project.id, failedId);
    expect(retried.status).toBe(200);
    expect(await retried.json()).toEqual({ id: failedId, state: "retry" });
    // The retry runs again, and this time the trace is scored.
    await vi.waitFor(
      async () => {
        expect(await stateOf("evaluate-trace", project.id, "t-bad")).toEqual([{ id: failedId, state: "completed" }]);
      },
      { timeout: 20_000, interval: 200 },
    );
    expect(attempts.get(`${project.id}/t-bad`)).toBe(2);
    const after = await listJobs(viewer, project.id);
    expect(after.counts).toEqual({ current: 1, queued: 0, active: 0, failed: 0, completed: 4 });
    expect(after.data.find((job) => job.id === failedId)).toMatchObject({ state: "completed", error: null });
    // The other project's failure stays as it was.
    expect((await stateOf("evaluate-trace", other.id, "t-bad"))[0]?.state).toBe("failed");
  });

  it("pages newest first without losing or repeating a job, even when many were queued at the same instant", async () => {
    const { project, owner } = await createProjectWithKeys(test.database);
    // Queued only: no process works this queue here.
    const runner = await start(false, [evaluate]);
    const total = jobsPageSize + 5;
    await runner.context.send(
      "evaluate-trace",
      Array.from({ length: total }, (_, n) => ({ projectId: project.id, traceId: `t-${n}` })),
    );
    const first = await listJobs(owner, project.id, "?state=queued");
    expect(first.counts.queued).toBe(total);
    expect(first.data).toHaveLength(jobsPageSize);
    expect(first.nextCursor).not.toBeNull();
    const second = await listJobs(owner, project.id, `?state=queued&cursor=${first.nextCursor ?? ""}`);
    expect(second.data).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.data, ...second.data].map((job) => job.id);
    expect(new Set(ids).size).toBe(total);
    const created = [...first.data, ...second.data].map((job) => job.createdAt);
    expect(created).toEqual(created.toSorted().reverse());

    const broken = await call(owner, null, {
      method: "GET",
      projectId: project.id,
      path: `/api/v1/projects/${project.id}/jobs?cursor=not-a-cursor`,
    });
    expect(broken.status).toBe(400);
  });
});
