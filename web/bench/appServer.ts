import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createBenchDatabase } from "./benchDatabase.ts";

const webDir = fileURLToPath(new URL("..", import.meta.url));

export const benchSecretKey = "sk_bench_secret_key_0123456789";
export const benchPublicKey = "pk_bench_public_key_0123456789";

export interface AppServer {
  baseUrl: string;
  /** The process of `scripts/start.ts`; the web server itself is its child. */
  pid: number;
  stop(): Promise<void>;
}

async function waitForHealth(child: ChildProcess, baseUrl: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`The app exited with ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The app did not become healthy in time");
}

/**
 * Starts the built app the way `npm start` does, on 127.0.0.1 with a throw-away data
 * directory (or the given PostgreSQL), with a known secret key and the bench routes on.
 */
export async function startAppServer(options: { port: number; databaseUrl?: string }): Promise<AppServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "liveloop-bench-"));
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: webDir,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(options.port),
      DATABASE_URL: options.databaseUrl ?? "",
      AUTH_SECRET: "bench-auth-secret-0123456789-0123456789",
      LIVELOOP_DATA_DIR: dataDir,
      LIVELOOP_BENCH_ROUTES: "1",
      LIVELOOP_RATE_LIMIT_PER_MINUTE: "100000000",
      LIVELOOP_INIT_USER_EMAIL: "bench@liveloop.test",
      LIVELOOP_INIT_USER_PASSWORD: "bench-password",
      LIVELOOP_INIT_PROJECT_NAME: "Bench",
      LIVELOOP_INIT_PUBLIC_KEY: benchPublicKey,
      LIVELOOP_INIT_SECRET_KEY: benchSecretKey,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  try {
    await waitForHealth(child, baseUrl);
  } catch (error) {
    // Nothing of a failed start may outlive the bench: the process, then its data directory.
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    baseUrl,
    pid: child.pid ?? 0,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `work` against the app started on a throw-away PostgreSQL database holding the
 * headless-initialised bench project, then stops the app and drops the database.
 */
export async function withAppOnPostgres<T>(
  label: string,
  port: number,
  work: (context: { app: AppServer; databaseUrl: string; projectId: string }) => Promise<T>,
): Promise<T> {
  const database = await createBenchDatabase(label);
  const app = await startAppServer({ port, databaseUrl: database.url });
  try {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const project = await client.query<{ id: string }>("SELECT id FROM projects LIMIT 1");
    await client.end();
    return await work({ app, databaseUrl: database.url, projectId: project.rows[0]?.id ?? "" });
  } finally {
    await app.stop();
    await database.drop();
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

export interface BenchRow {
  name: string;
  baseline: string;
  measured: string;
  ratio: string;
  target: string;
  met: boolean | null;
}
