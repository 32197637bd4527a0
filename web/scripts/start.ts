// `npm start` / `npm run dev`: checks the environment, prepares the data directory,
// applies migrations, runs headless initialisation, builds when the sources changed,
// then hands over to the web server (scripts/server.ts: Next plus the lean ingest routes). Migrations run here, before Next opens the database, because
// the embedded PGlite can be held by one process at a time.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DatabaseConnectionError, migrateDatabase } from "@liveloop/prisma";
import { dataDirectory, openDatabase } from "@liveloop/prisma/connection";
import { parseEnvironment, InvalidEnvironmentError, type Environment } from "../src/env.ts";
import { createDatabase } from "../src/server/db/client.ts";
import { initialiseFromEnvironment } from "../src/server/setup/setup.ts";
import { instanceAuthSecret } from "../src/server/auth/instanceSecret.ts";
import { forgetServerPid, recordServerPid } from "./serverPidFile.ts";

const webDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function loadEnvironment(): Environment {
  try {
    return parseEnvironment({ ...process.env, NODE_ENV: dev ? "development" : "production" });
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) fail(error.message);
    throw error;
  }
}

function newestSourceChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === ".next" || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildIfStale(childEnv: NodeJS.ProcessEnv): void {
  const buildId = join(webDir, ".next", "BUILD_ID");
  const sources = [join(webDir, "src"), join(webDir, "..", "widget", "src")].filter(existsSync);
  const newest = Math.max(...sources.map(newestSourceChange), statSync(join(webDir, "next.config.ts")).mtimeMs);
  if (existsSync(buildId) && statSync(buildId).mtimeMs > newest) return;
  console.log("Building the console (first start or sources changed)...");
  const result = spawnSync(process.execPath, [nextBin(), "build"], {
    cwd: webDir,
    stdio: "inherit",
    env: { ...childEnv, NODE_ENV: "production" },
  });
  if (result.status !== 0) fail("next build failed");
}

/** The script-tag build of the widget, served by the app as /widget.js (see widget/src/embed). */
function buildWidgetScriptIfStale(): void {
  const out = join(webDir, "public", "widget.js");
  const widgetDir = join(webDir, "..", "widget");
  if (existsSync(out) && statSync(out).mtimeMs > newestSourceChange(join(widgetDir, "src"))) return;
  console.log("Building /widget.js (the widget's script-tag build)...");
  const result = spawnSync(process.execPath, ["--import", "tsx", join(widgetDir, "scripts", "buildEmbed.ts"), out], {
    cwd: webDir,
    stdio: "inherit",
  });
  if (result.status !== 0) fail("building widget.js failed");
}

function nextBin(): string {
  return fileURLToPath(import.meta.resolve("next/dist/bin/next"));
}

async function main(): Promise<void> {
  const config = loadEnvironment();
  const dataDir = dataDirectory(config);
  mkdirSync(dataDir, { recursive: true });
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    LIVELOOP_DATA_DIR: dataDir,
    AUTH_SECRET: config.AUTH_SECRET ?? instanceAuthSecret(dataDir),
    PORT: String(config.PORT),
  };
  // next-auth reads NEXTAUTH_URL itself and fails on an empty one ("Invalid URL"): unset means unset.
  if (!config.NEXTAUTH_URL) delete childEnv.NEXTAUTH_URL;

  const applied = await migrateDatabase(config);
  console.log(applied.length > 0 ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");

  const connection = openDatabase(config);
  const database = createDatabase(connection);
  try {
    const outcome = await initialiseFromEnvironment(database, config);
    if (outcome === "created") console.log("Created the owner, project and keys from LIVELOOP_INIT_*.");
  } finally {
    await database.$disconnect();
    await connection.close();
  }

  buildWidgetScriptIfStale();
  if (!dev) buildIfStale(childEnv);
  const child = spawn(process.execPath, ["--import", "tsx", join(webDir, "scripts", "server.ts"), ...(dev ? ["--dev"] : [])], {
    cwd: webDir,
    stdio: "inherit",
    env: { ...childEnv, NODE_ENV: dev ? "development" : "production" },
  });
  if (!config.DATABASE_URL && child.pid !== undefined) recordServerPid(dataDir, child.pid);
  // The server closes the database and exits on SIGINT/SIGTERM; this process waits for that
  // (exit below) rather than dying first and leaving the server to hold the data directory.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => {
    if (!config.DATABASE_URL) forgetServerPid(dataDir);
    process.exit(code ?? (signal ? 1 : 0));
  });
}

main().catch((error: unknown) => {
  // A database that cannot be reached is a set-up problem: its one line says what to fix, a stack trace would bury it.
  if (error instanceof DatabaseConnectionError) fail(error.message);
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
});
