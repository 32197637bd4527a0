import { mkdirSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
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

/**
 * Plain parameterised SQL on the same connections Prisma uses, for the few hot paths
 * (feedback ingest) where Prisma's per-query overhead is most of the cost.
 */
export interface SqlExecutor {
  /** `name` makes it a prepared statement, parsed and planned once per connection (PostgreSQL). */
  query<T>(text: string, values: unknown[], name?: string): Promise<T[]>;
}

export const poolExecutor = (pool: pg.Pool): SqlExecutor => ({
  query: async <T>(text: string, values: unknown[], name?: string) => (await pool.query({ text, values, name })).rows as T[],
});

export const pgliteExecutor = (pglite: PGlite): SqlExecutor => ({
  query: async <T>(text: string, values: unknown[]) => (await pglite.query<T>(text, values)).rows,
});

/**
 * The connection pg-boss's `db` option takes. Its schema set-up and maintenance send several
 * statements in one text without parameters: PGlite runs those only through `exec`.
 */
export interface JobSqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export const poolJobExecutor = (pool: pg.Pool): JobSqlExecutor => ({
  executeSql: async (text, values) => {
    const result = (await pool.query(text, values)) as pg.QueryResult | pg.QueryResult[];
    return { rows: Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows };
  },
});

export const pgliteJobExecutor = (pglite: PGlite): JobSqlExecutor => ({
  executeSql: async (text, values) => {
    if (values && values.length > 0) return { rows: (await pglite.query(text, values)).rows };
    const results = await pglite.exec(text);
    return { rows: results.at(-1)?.rows ?? [] };
  },
});

export interface DatabaseConnection {
  kind: "postgresql" | "pglite";
  adapter: SqlMigrationAwareDriverAdapterFactory;
  sql: SqlExecutor;
  /** The same connections for the job queue. */
  jobSql: JobSqlExecutor;
  close(): Promise<void>;
}

/**
 * Every PostgreSQL session runs in UTC, whatever the server's or the database's `timezone`
 * (often the host's). Prisma's adapter sends a Date as a timestamp without an offset, which
 * a session elsewhere would read as its local time; and day arithmetic on timestamptz
 * (interval '1 day') follows the session's daylight saving changes.
 */
export const utcSessions = "-c TimeZone=UTC";

/**
 * Opens the database the environment names: PostgreSQL when DATABASE_URL is set,
 * otherwise the embedded PGlite in `<data dir>/db`. PGlite holds its directory for one
 * process at a time, so callers keep a single connection per process.
 */
export function openDatabase(env: DatabaseEnv): DatabaseConnection {
  if (env.DATABASE_URL) {
    // One pool for Prisma and for plain SQL.
    const pool = new pg.Pool({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 5_000, options: utcSessions });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    pool.on("error", () => undefined);
    return {
      kind: "postgresql",
      adapter: new PrismaPg(pool),
      sql: poolExecutor(pool),
      jobSql: poolJobExecutor(pool),
      close: () => pool.end(),
    };
  }
  const dir = join(dataDirectory(env), "db");
  mkdirSync(dir, { recursive: true });
  const pglite = new PGlite(dir);
  return {
    kind: "pglite",
    adapter: new PrismaPGlite(pglite),
    sql: pgliteExecutor(pglite),
    jobSql: pgliteJobExecutor(pglite),
    close: () => pglite.close(),
  };
}
