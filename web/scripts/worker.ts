// `npm run worker`: a process that only runs background jobs (rollups, review routing,
// evaluators) against a shared PostgreSQL. Start as many as the work needs, on any
// machine that reaches the database; the web process runs jobs too unless
// LIVELOOP_WEB_RUNS_JOBS=0. The embedded PGlite belongs to the web process alone.
import { checkDatabaseConnection, DatabaseConnectionError } from "@liveloop/prisma";
import { parseEnvironment, InvalidEnvironmentError } from "../src/env.ts";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let databaseUrl: string | undefined;
try {
  databaseUrl = parseEnvironment(process.env).DATABASE_URL;
} catch (error) {
  if (error instanceof InvalidEnvironmentError) fail(error.message);
  throw error;
}
if (!databaseUrl) {
  fail("npm run worker needs DATABASE_URL: the embedded database belongs to the web process, which runs the jobs itself.");
}
try {
  await checkDatabaseConnection(databaseUrl);
} catch (error) {
  if (error instanceof DatabaseConnectionError) fail(error.message);
  throw error;
}

const { startProcessJobs, stopProcessJobs } = await import("../src/server/jobs/processJobs.ts");
const { closeDatabase } = await import("../src/server/db/client.ts");
// A worker has nothing else to do: it works through a backlog without waiting between batches.
await startProcessJobs({ work: true, drain: true });
console.log("Liveloop worker is running jobs");

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Running jobs finish (or are retried elsewhere once they expire) before the pool closes.
    stopProcessJobs()
      .then(closeDatabase)
      .then(() => {
        console.log(`Liveloop worker stopped (${signal})`);
        process.exit(0);
      })
      .catch((error: unknown) => {
        console.error("Stopping the worker failed", error);
        process.exit(1);
      });
  });
}
