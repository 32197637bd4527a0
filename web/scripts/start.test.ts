import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const webDir = fileURLToPath(new URL("..", import.meta.url));
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
