import { mkdirSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface DatabaseEnv {
  DATABASE_URL?: string | undefined;
  LIVELOOP_DATA_DIR?: string | undefined;
}

/** The directory that holds the embedded database and instance secrets. */
export function dataDirectory(env: DatabaseEnv): string {
  const configured = env.LIVELOOP_DATA_DIR;
  if (!configured) return join(repoRoot, ".liveloop");
  return isAbsolute(configured) ? configured : resolve(/* turbopackIgnore: true */ process.cwd(), configured);
}

export interface DatabaseConnection {
  kind: "postgresql" | "pglite";
  adapter: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

/**
 * Opens the database the environment names: PostgreSQL when DATABASE_URL is set,
 * otherwise the embedded PGlite in `<data dir>/db`. PGlite holds its directory for one
 * process at a time, so callers keep a single connection per process.
 */
export function openDatabase(env: DatabaseEnv): DatabaseConnection {
  if (env.DATABASE_URL) {
    const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 5_000 });
    // The adapter owns its pool and ends it when Prisma disconnects; nothing more to close here.
    return { kind: "postgresql", adapter, close: () => Promise.resolve() };
  }
  const dir = join(dataDirectory(env), "db");
  mkdirSync(dir, { recursive: true });
  const pglite = new PGlite(dir);
  return { kind: "pglite", adapter: new PrismaPGlite(pglite), close: () => pglite.close() };
}
