import { afterAll, beforeAll } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { applyPendingMigrations } from "@liveloop/prisma";
import {
  pgliteExecutor,
  pgliteJobExecutor,
  poolExecutor,
  poolJobExecutor,
  utcSessions,
  type JobSqlExecutor,
} from "@liveloop/prisma/connection";
import { PrismaClient } from "@/generated/prisma/client";
import { registerPlainSql, type Database } from "@/server/db/client";
import { createPostgresDatabase } from "@/test/postgresDatabase";

export type DatabaseKind = "pglite" | "postgresql";

export interface TestDatabase {
  kind: DatabaseKind;
  database: Database;
  url: string | null;
  /** The same database for the job queue (pg-boss's `db` option). */
  jobSql: JobSqlExecutor;
  close(): Promise<void>;
}

/** The PostgreSQL server tests create throw-away databases on (trust auth on this machine). */
export const postgresAdminUrl = process.env.LIVELOOP_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The databases every integration suite runs against: always PGlite, and PostgreSQL
 * when a server answers. CI sets LIVELOOP_TEST_POSTGRES_URL, which makes PostgreSQL
 * mandatory: an unreachable server then fails the run instead of shrinking it.
 */
export async function testDatabaseKinds(): Promise<DatabaseKind[]> {
  if (process.env.LIVELOOP_TEST_POSTGRES_URL) return ["pglite", "postgresql"];
  return (await postgresReachable()) ? ["pglite", "postgresql"] : ["pglite"];
}

/** A fresh, migrated database of the given kind, removed again by `close()`. */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const pglite = new PGlite();
    const adapter = new PrismaPGlite(pglite);
    await applyPendingMigrations(adapter);
    const database = new PrismaClient({ adapter });
    registerPlainSql(database, pgliteExecutor(pglite));
    return {
      kind,
      database,
      url: null,
      jobSql: pgliteJobExecutor(pglite),
      close: async () => {
        await database.$disconnect();
        await pglite.close();
      },
    };
  }
  const server = await createPostgresDatabase(postgresAdminUrl, "liveloop_test");
  const url = new URL(server.url);
  await applyPendingMigrations(new PrismaPg({ connectionString: url.toString() }));
  // One pool for Prisma and plain SQL, as the app has (prisma/src/database.ts).
  const pool = new pg.Pool({ connectionString: url.toString(), options: utcSessions });
  // Dropping the database ends its idle connections; that is expected, not an error.
  pool.on("error", () => undefined);
  const database = new PrismaClient({ adapter: new PrismaPg(pool) });
  registerPlainSql(database, poolExecutor(pool));
  return {
    kind,
    database,
    url: url.toString(),
    jobSql: poolJobExecutor(pool),
    close: async () => {
      await database.$disconnect();
      await pool.end();
      await server.drop();
    },
  };
}

/**
 * Registers hooks that open a fresh database of `kind` before the suite and remove it
 * after; the returned handle reads through to it once it is open.
 */
export function useTestDatabase(kind: DatabaseKind): TestDatabase {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await current?.close();
  });
  const opened = (): TestDatabase => {
    if (!current) throw new Error("The test database is opened in beforeAll; use it inside tests");
    return current;
  };
  return {
    kind,
    get database() {
      return opened().database;
    },
    get url() {
      return opened().url;
    },
    get jobSql() {
      return opened().jobSql;
    },
    close: () => opened().close(),
  };
}
