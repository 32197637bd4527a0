// Test helper: a throw-away PostgreSQL cluster that asks for a password (scram-sha-256).
// The shared server on 127.0.0.1:5432 trusts every local connection, so a wrong password
// can only be shown to fail against a server of our own.
import { spawnSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface PasswordProtectedPostgres {
  /** A URL for the superuser `postgres`, with the given password (none when undefined). */
  url(password: string | undefined): string;
  stop(): void;
}

/** A port nothing listens on right now (the kernel's pick, released at once). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  if (address === null || typeof address === "string") throw new Error("no TCP port assigned");
  return address.port;
}

function postgresBinary(name: string): string {
  const bindir = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  return bindir.status === 0 ? join(bindir.stdout.trim(), name) : name;
}

/** Runs a PostgreSQL tool; as root through `runuser -u postgres`, since PostgreSQL refuses to run as root. */
function runAsClusterOwner(binary: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [command, commandArgs] = asRoot ? ["runuser", ["-u", "postgres", "--", binary, ...args]] : [binary, args];
  const result = spawnSync(command, commandArgs, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${binary} ${args.join(" ")} failed: ${result.stderr || String(result.error)}`);
}

/** initdb + pg_ctl start on 127.0.0.1 and a free port; `stop()` shuts it down and removes its directory. */
export async function startPasswordProtectedPostgres(password: string): Promise<PasswordProtectedPostgres> {
  const dir = mkdtempSync(join(tmpdir(), "liveloop-pg-"));
  const dataDir = join(dir, "data");
  const passwordFile = join(dir, "password");
  writeFileSync(passwordFile, `${password}\n`);
  if (process.getuid?.() === 0) {
    const owner = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const group = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    chownSync(dir, Number(owner.stdout), Number(group.stdout));
    chownSync(passwordFile, Number(owner.stdout), Number(group.stdout));
  }
  const port = await freePort();
  try {
    runAsClusterOwner(postgresBinary("initdb"), [
      "-D",
      dataDir,
      "-U",
      "postgres",
      "--auth=scram-sha-256",
      `--pwfile=${passwordFile}`,
      "--no-sync",
    ]);
    runAsClusterOwner(postgresBinary("pg_ctl"), [
      "-D",
      dataDir,
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      "-w",
      "-l",
      join(dir, "log"),
      "start",
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: (secret) => `postgresql://postgres${secret === undefined ? "" : `:${encodeURIComponent(secret)}`}@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        runAsClusterOwner(postgresBinary("pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
