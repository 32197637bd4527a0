import { openDatabase, type DatabaseConnection, type JobSqlExecutor, type SqlExecutor } from "@liveloop/prisma/connection";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";
import { env } from "@/env";

export type Database = PrismaClient;
/** What a query needs: the client itself or an open transaction. */
export type Queryable = Prisma.TransactionClient;

interface DatabaseHandle {
  prisma: PrismaClient;
  connection: DatabaseConnection;
}

// PGlite owns its data directory for one process at a time, and Next's dev server
// re-evaluates modules on every change: the handle lives on globalThis so a reload
// reuses the open database instead of opening it twice.
// The plain-SQL executor of each client lives on globalThis too: Next's bundle and the
// lean ingest server (web/scripts/server.ts) load separate copies of this module.
const holder = globalThis as typeof globalThis & {
  __liveloopDatabase?: DatabaseHandle;
  __liveloopPlainSql?: WeakMap<object, SqlExecutor>;
};
const plainSqlOf = (holder.__liveloopPlainSql ??= new WeakMap());

/** Opens a Prisma client over a connection (used directly by tests and scripts). */
export function createDatabase(connection: DatabaseConnection): PrismaClient {
  const prisma = new PrismaClient({ adapter: connection.adapter });
  registerPlainSql(prisma, connection.sql);
  return prisma;
}

/** Records the plain-SQL executor that reaches the same database as `prisma`. */
export function registerPlainSql(prisma: PrismaClient, sql: SqlExecutor): void {
  plainSqlOf.set(prisma, sql);
}

/**
 * Plain parameterised SQL for hot paths, on the client's own connections; Prisma's raw
 * query (slower) for a client without one, such as an open transaction.
 */
export function plainSql(database: Queryable): SqlExecutor {
  return (
    plainSqlOf.get(database) ?? {
      query: <T>(text: string, values: unknown[]) => database.$queryRawUnsafe<T[]>(text, ...values),
    }
  );
}

function processDatabase(): DatabaseHandle {
  if (!holder.__liveloopDatabase) {
    const { DATABASE_URL, LIVELOOP_DATA_DIR } = env();
    const connection = openDatabase({ DATABASE_URL, LIVELOOP_DATA_DIR });
    holder.__liveloopDatabase = { prisma: createDatabase(connection), connection };
  }
  return holder.__liveloopDatabase;
}

/** The process-wide database, opened on first use from the environment. */
export function db(): PrismaClient {
  return processDatabase().prisma;
}

/** The process-wide database's connections, for the job queue. */
export function processJobSql(): JobSqlExecutor {
  return processDatabase().connection.jobSql;
}

/**
 * Closes the process-wide database if it was opened: Prisma's client, then the pool or
 * PGlite, which writes out what it holds and releases its data directory.
 */
export async function closeDatabase(): Promise<void> {
  const handle = holder.__liveloopDatabase;
  if (!handle) return;
  holder.__liveloopDatabase = undefined;
  await handle.prisma.$disconnect();
  await handle.connection.close();
}

/** Whether an error means the database could not be reached (as opposed to a bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 6; depth++) {
    if (typeof current !== "object") return false;
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown; kind?: unknown };
    if (
      typeof candidate.code === "string" &&
      /^(P1001|P1002|P1017|ECONNREFUSED|ECONNRESET|ETIMEDOUT|57P01|57P03|08\w{3})$/.test(candidate.code)
    ) {
      return true;
    }
    if (candidate.kind === "DatabaseNotReachable" || candidate.kind === "ConnectionClosed") return true;
    if (
      typeof candidate.message === "string" &&
      /ECONNREFUSED|ECONNRESET|Connection terminated|connect ETIMEDOUT|timeout exceeded when trying to connect|Can't reach database/i.test(
        candidate.message,
      )
    ) {
      return true;
    }
    current = candidate.cause;
  }
  return false;
}

/** Whether a write failed because a row with the same unique key exists (Prisma's P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
