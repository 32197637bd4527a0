// The embedded database belongs to one process at a time. `npm start` records the web
// server's pid in the data directory so other commands (`npm run user`) can refuse to open
// the database under a running server instead of corrupting it.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const fileIn = (dataDir: string) => join(dataDir, "server.pid");

export function recordServerPid(dataDir: string, pid: number): void {
  writeFileSync(fileIn(dataDir), String(pid));
}

export function forgetServerPid(dataDir: string): void {
  rmSync(fileIn(dataDir), { force: true });
}

/** The pid of a live server holding `dataDir`, or null (no file, or its process is gone). */
export function runningServerPid(dataDir: string): number | null {
  const file = fileIn(dataDir);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}
