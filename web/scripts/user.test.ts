import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { completePasswordReset } from "@/server/accounts/passwordResets";
import { verifyCredentials } from "@/server/auth/signIn";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";
import { recordServerPid } from "./serverPidFile.ts";

const webDir = fileURLToPath(new URL("..", import.meta.url));

function runUser(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/user.ts", ...args], {
    cwd: webDir,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

// A child process needs a database it can reach by URL: PostgreSQL, whenever the suites have it.
const urlKinds = (await testDatabaseKinds()).filter((kind) => kind === "postgresql");

describe.each(urlKinds)("npm run user on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("prints a single-use reset link for an account, and grants project creation", async () => {
    const { owner } = await createProjectWithKeys(test.database);
    const env = { DATABASE_URL: test.url ?? "", NEXTAUTH_URL: "https://liveloop.example.test" };
    const reset = runUser(["reset-password", owner.email.toUpperCase()], env);
    expect(reset.stderr).toBe("");
    expect(reset.status).toBe(0);
    const link = /https:\/\/liveloop\.example\.test\/reset-password\/([A-Za-z0-9_-]{43})/.exec(reset.stdout);
    expect(link?.[1]).toBeDefined();
    await completePasswordReset(test.database, link?.[1] ?? "", "set by the operator", new Date());
    expect(await verifyCredentials(test.database, owner.email, "set by the operator", "127.0.0.1", new Date())).toMatchObject({ ok: true });

    expect(runUser(["grant-admin", owner.email], env).status).toBe(0);
    expect(await test.database.user.findUniqueOrThrow({ where: { id: owner.id }, select: { isInstanceAdmin: true } })).toEqual({
      isInstanceAdmin: true,
    });
  });

  it("answers an unknown e-mail or command with a message and exit code 1, changing nothing", async () => {
    const env = { DATABASE_URL: test.url ?? "" };
    const resetsBefore = await test.database.passwordReset.count();
    const unknown = runUser(["reset-password", "nobody@example.test"], env);
    expect(unknown).toMatchObject({
      status: 1,
      stderr: expect.stringContaining("No account with the e-mail nobody@example.test") as unknown,
    });
    const usage = runUser(["frobnicate"], env);
    expect(usage).toMatchObject({ status: 1, stderr: expect.stringContaining("Usage: npm run user") as unknown });
    expect(await test.database.passwordReset.count()).toBe(resetsBefore);
  });
});

describe("npm run user on the embedded database", () => {
  it("refuses to open it while a server holds it", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "liveloop-user-"));
    try {
      recordServerPid(dataDir, process.pid);
      const result = runUser(["grant-admin", "someone@example.test"], { LIVELOOP_DATA_DIR: dataDir, DATABASE_URL: "" });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("holds the embedded database");
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
