import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "@liveloop/prisma/testing";

const webDir = fileURLToPath(new URL("..", import.meta.url));
const repoRoot = join(webDir, "..");
const adminUrl = new URL(process.env.LIVELOOP_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");

const dataDirs: string[] = [];
function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "liveloop-start-"));
  dataDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("npm start with a bad environment", () => {
  it("exits before touching anything, naming the variable", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: webDir,
      env: { ...process.env, PORT: "not-a-port", LIVELOOP_DATA_DIR: "/nonexistent/should-not-be-created" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Invalid environment:\n\s+PORT: /);
    expect(existsSync("/nonexistent/should-not-be-created")).toBe(false);
  });
});

describe("npm start with a PostgreSQL it cannot use", () => {
  it("stops with one line naming DATABASE_URL, host and role, without the password or a stack trace", () => {
    const role = `liveloop_${randomUUID().slice(0, 8)}`;
    const password = "never-print-me-7c1f";
    const address = `${adminUrl.hostname}:${adminUrl.port || "5432"}`;
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: webDir,
      encoding: "utf8",
      timeout: 60_000,
      env: {
        ...process.env,
        DATABASE_URL: `postgresql://${role}:${password}@${address}/liveloop`,
        AUTH_SECRET: "start-test-auth-secret-0123456789abcdef",
        LIVELOOP_DATA_DIR: newDataDir(),
      },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `Cannot connect to PostgreSQL at ${address} as role "${role}" (DATABASE_URL): role "${role}" does not exist\n`,
    );
    expect(result.stdout).not.toContain(password);
  });
});

/** Every descendant of `pid`, from one `ps` listing (Linux procps and BSD ps both take these flags). */
function descendantsOf(pid: number): number[] {
  const listing = spawnSync("ps", ["-A", "-o", "pid=,ppid="], { encoding: "utf8" }).stdout;
  const children = new Map<number, number[]>();
  for (const line of listing.split("\n")) {
    const [child, parent] = line.trim().split(/\s+/).map(Number);
    if (child === undefined || parent === undefined || Number.isNaN(child)) continue;
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const found: number[] = [];
  const queue = [pid];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of children.get(next) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves with the first output line that matches, rejects if the process exits first. */
function lineMatching(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = "";
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const line = buffered.split("\n").find((candidate) => pattern.test(candidate));
      if (line === undefined) return;
      child.stdout?.off("data", onData);
      child.off("exit", onExit);
      resolve(line);
    };
    const onExit = (code: number | null) => {
      reject(new Error(`npm start exited (${String(code)}) before printing ${String(pattern)}:\n${buffered}`));
    };
    child.stdout?.on("data", onData);
    child.once("exit", onExit);
  });
}

function portAcceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => {
      resolve(false);
    });
  });
}

describe("npm start on the embedded database", () => {
  // The first start after a source change builds the console, which takes minutes here.
  it("stops the server and every process under it on SIGTERM to npm, closing the database", { timeout: 600_000 }, async () => {
    const dataDir = newDataDir();
    const port = await freePort();
    const npm = spawn("npm", ["start"], {
      cwd: repoRoot,
      // Its own process group, so a failing test can still clean up everything it started.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PORT: String(port), LIVELOOP_DATA_DIR: dataDir, DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1" },
    });
    const npmPid = npm.pid ?? 0;
    let output = "";
    npm.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    // Kept for the failure message: why the server stopped the way it did is on stderr.
    let errors = "";
    npm.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString("utf8")));
    const exited = new Promise<void>((resolve) =>
      npm.once("exit", () => {
        resolve();
      }),
    );
    // The server's last line may still be in the pipe when npm exits; it has all arrived at "end".
    const outputEnded = new Promise<void>((resolve) =>
      npm.stdout.once("end", () => {
        resolve();
      }),
    );
    try {
      await lineMatching(npm, /Liveloop is listening on/);
      expect((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).status).toBe(200);
      const processes = descendantsOf(npmPid);
      // npm, the web workspace's npm, start.ts and the server (plus esbuild services).
      expect(processes.length).toBeGreaterThanOrEqual(3);
      expect(existsSync(join(dataDir, "server.pid"))).toBe(true);

      process.kill(npmPid, "SIGTERM");
      await exited;

      // Children exit with or just after npm; none may be left running.
      const deadline = Date.now() + 10_000;
      while (processes.some(isAlive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(processes.filter(isAlive)).toEqual([]);
      expect(await portAcceptsConnections(port)).toBe(false);
      expect(existsSync(join(dataDir, "server.pid"))).toBe(false);
      await outputEnded;
      expect(output, `stderr:\n${errors}`).toContain("Liveloop stopped (SIGTERM); database closed.");
    } finally {
      try {
        process.kill(-npmPid, "SIGKILL");
      } catch {
        // the group is gone already: the expected case
      }
    }
  });
});
