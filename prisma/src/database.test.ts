import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openDatabase, type DatabaseConnection } from "./database.ts";

// The shared test server (trust auth), as the web suites use it.
const admin = new URL(process.env.LIVELOOP_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");

/** The session's time zone, and whether a timestamp sent as Prisma's adapter sends a Date (no offset) reads as UTC. */
async function sessionClock(connection: DatabaseConnection) {
  const [row] = await connection.sql.query<{ zone: string; utc: boolean }>(
    "SELECT current_setting('TimeZone') AS zone, '2026-11-01 12:00:00'::timestamptz = '2026-11-01T12:00:00Z'::timestamptz AS utc",
    [],
  );
  return row;
}

describe("openDatabase", () => {
  it("runs PostgreSQL sessions in UTC even when the database's time zone is New York", async () => {
    const name = `liveloop_tz_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.query(`ALTER DATABASE ${name} SET timezone TO 'America/New_York'`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const connection = openDatabase({ DATABASE_URL: url.toString() });
    try {
      expect(await sessionClock(connection)).toEqual({ zone: "UTC", utc: true });
    } finally {
      await connection.close();
      await client.query(`DROP DATABASE ${name}`);
      await client.end();
    }
  });

  it("runs the embedded database in UTC", async () => {
    const dir = mkdtempSync(join(tmpdir(), "liveloop-tz-"));
    const connection = openDatabase({ DATABASE_URL: "", LIVELOOP_DATA_DIR: dir });
    try {
      expect(await sessionClock(connection)).toEqual({ zone: "UTC", utc: true });
    } finally {
      await connection.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
