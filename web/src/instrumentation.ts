// Next calls register() once per server process: background jobs start here.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ startProcessJobs }, { env }, { isDatabaseUnavailable }] = await Promise.all([
    import("@/server/jobs/processJobs"),
    import("@/env"),
    import("@/server/db/client"),
  ]);
  // An unreachable database must not stop the console from serving its 503 pages; the
  // job runner is started again by the first endpoint that needs it.
  await startProcessJobs({ work: env().LIVELOOP_WEB_RUNS_JOBS }).catch((error: unknown) => {
    if (!isDatabaseUnavailable(error)) throw error;
    console.error("Background jobs could not start: the database is unreachable");
  });
}
