import { isDatabaseUnavailable } from "@/server/db/client";

/**
 * Runs `run` every `intervalMs` in the background of the web process. A run still going
 * is never overlapped; while the database is unreachable the job waits for the next tick.
 * Returns a function that stops it.
 */
export function startIntervalJob(name: string, intervalMs: number, run: () => Promise<unknown>): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    run()
      .catch((error: unknown) => {
        if (!isDatabaseUnavailable(error)) console.error(`${name} failed; retrying on the next tick`, error);
      })
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}
