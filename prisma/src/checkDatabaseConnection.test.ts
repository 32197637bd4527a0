import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDatabaseConnection, DatabaseConnectionError } from "./checkDatabaseConnection.ts";
import { migrateDatabase } from "./migrations.ts";
import { freePort, startPasswordProtectedPostgres, type PasswordProtectedPostgres } from "./passwordProtectedPostgres.ts";

// The shared test server (trust auth), as the web suites use it.
const admin = new URL(process.env.LIVELOOP_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
const serverAddress = `${admin.hostname}:${admin.port || "5432"}`;
const secret = "s3cret-Pa55word";

async function failureOf(url: string): Promise<string> {
  const error: unknown = await checkDatabaseConnection(url).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DatabaseConnectionError);
  const message = (error as DatabaseConnectionError).message;
  // One line, naming the variable, never the password.
  expect(message.split("\n")).toHaveLength(1);
  expect(message).toContain("(DATABASE_URL)");
  expect(message).not.toContain(secret);
  expect(message).not.toContain(encodeURIComponent(secret));
  return message;
}

function urlOn(address: string, role: string, database: string): string {
  return `postgresql://${role}:${encodeURIComponent(secret)}@${address}/${database}`;
}

describe("checkDatabaseConnection", () => {
  it("passes when the server accepts the role and the database exists", async () => {
    await expect(checkDatabaseConnection(admin.toString())).resolves.toBeUndefined();
  });

  it("names host and role when the role does not exist", async () => {
    const role = `nobody_${randomUUID().slice(0, 8)}`;
    expect(await failureOf(urlOn(serverAddress, role, "postgres"))).toBe(
      `Cannot connect to PostgreSQL at ${serverAddress} as role "${role}" (DATABASE_URL): role "${role}" does not exist`,
    );
  });

  it("names the database when it does not exist", async () => {
    const database = `missing_${randomUUID().slice(0, 8)}`;
    expect(await failureOf(urlOn(serverAddress, "postgres", database))).toBe(
      `Cannot connect to PostgreSQL at ${serverAddress} as role "postgres" (DATABASE_URL): database "${database}" does not exist`,
    );
  });

  it("says nothing is listening on a closed port", async () => {
    const port = await freePort();
    expect(await failureOf(urlOn(`127.0.0.1:${port}`, "liveloop", "liveloop"))).toBe(
      `Cannot connect to PostgreSQL at 127.0.0.1:${port} as role "liveloop" (DATABASE_URL): nothing is listening there (ECONNREFUSED); is PostgreSQL running on that host and port?`,
    );
  });

  it("names an unknown host", async () => {
    // .invalid never resolves (RFC 2606).
    expect(await failureOf(urlOn("db.liveloop.invalid:5432", "liveloop", "liveloop"))).toMatch(
      /^Cannot connect to PostgreSQL at db\.liveloop\.invalid:5432 as role "liveloop" \(DATABASE_URL\): unknown host "db\.liveloop\.invalid" \((ENOTFOUND|EAI_AGAIN)\)$/,
    );
  });

  it("refuses a malformed URL without repeating it", async () => {
    expect(await failureOf(`postgresql://liveloop:${secret}@127.0.0.1:54x32/liveloop`)).toBe(
      "Cannot connect to PostgreSQL (DATABASE_URL): not a valid connection URL; expected postgresql://role[:password]@host[:port]/database",
    );
  });

  describe("on a server that asks for a password", () => {
    let server: PasswordProtectedPostgres | undefined;
    beforeAll(async () => {
      server = await startPasswordProtectedPostgres(secret);
    });
    afterAll(() => {
      server?.stop();
    });
    const cluster = (): PasswordProtectedPostgres => {
      if (!server) throw new Error("started in beforeAll");
      return server;
    };

    it("accepts the right password", async () => {
      await expect(checkDatabaseConnection(cluster().url(secret))).resolves.toBeUndefined();
    });

    it("reports a wrong password without printing either password", async () => {
      const wrong = `${secret}-wrong`;
      const url = cluster().url(wrong);
      const error: unknown = await checkDatabaseConnection(url).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DatabaseConnectionError);
      const message = (error as Error).message;
      expect(message).toMatch(
        /^Cannot connect to PostgreSQL at 127\.0\.0\.1:\d+ as role "postgres" \(DATABASE_URL\): password authentication failed for user "postgres"$/,
      );
      expect(message).not.toContain(secret);
    });

    it("says the URL has no password when the server wants one", async () => {
      expect(await failureOf(cluster().url(undefined))).toMatch(
        /^Cannot connect to PostgreSQL at 127\.0\.0\.1:\d+ as role "postgres" \(DATABASE_URL\): the server asks for a password and DATABASE_URL has none$/,
      );
    });
  });
});

describe("migrateDatabase on a database its role does not own", () => {
  // What `createdb liveloop` followed by a URL naming the role liveloop gives on PostgreSQL 15+.
  const name = `liveloop_notowner_${randomUUID().slice(0, 8)}`;
  const adminClient = () => new pg.Client({ connectionString: admin.toString() });
  beforeAll(async () => {
    const client = adminClient();
    await client.connect();
    await client.query(`CREATE ROLE ${name} LOGIN`);
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
  });
  afterAll(async () => {
    const client = adminClient();
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`DROP ROLE IF EXISTS ${name}`);
    await client.end();
  });

  it("says in one line that the role must own the database", async () => {
    const url = `postgresql://${name}:${encodeURIComponent(secret)}@${serverAddress}/${name}`;
    const error: unknown = await migrateDatabase({ DATABASE_URL: url }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatabaseConnectionError);
    expect((error as Error).message).toBe(
      `Cannot create tables in PostgreSQL at ${serverAddress} as role "${name}" (DATABASE_URL): permission denied for schema public; ` +
        `make the role own the database: ALTER DATABASE ${name} OWNER TO ${name} (or create it with createdb --owner=${name} ${name})`,
    );
  });
});
