import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { env } from "@/env";

/**
 * The AUTH_SECRET of an embedded install: made once, kept in the data directory (owner
 * read/write only), and read back on every later start so sessions survive restarts.
 */
export function instanceAuthSecret(dataDir: string): string {
  const file = join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    try {
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another process made it between our check and our write: use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return readFileSync(file, "utf8").trim();
}

/** This instance's secret (AUTH_SECRET): signs sessions and seals stored secrets such as judge keys. */
export function instanceSecret(): string {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set (npm start sets it from the data directory)");
  return secret;
}
