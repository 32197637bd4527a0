// Next calls register() once per server process: background jobs start here.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ startRollupJob }, { startReviewRoutingJob }, { db }] = await Promise.all([
    import("@/server/metrics/rollupJob"),
    import("@/server/review/reviewRoutingJob"),
    import("@/server/db/client"),
  ]);
  startRollupJob(db);
  startReviewRoutingJob(db);
}
