import pg from "pg";

/**
 * The PostgreSQL named by DATABASE_URL cannot be reached or refuses us. Its message is one
 * line naming the variable, host and role (never the password), meant to be printed as is:
 * the schema engine would otherwise report the same failure as a WebAssembly stack trace
 * naming neither the variable nor the role.
 */
export class DatabaseConnectionError extends Error {
  override name = "DatabaseConnectionError";
}

const expectedShape = "expected postgresql://role[:password]@host[:port]/database";

interface ConnectionTarget {
  host: string;
  port: number;
  role: string | undefined;
  database: string | undefined;
  password: string | undefined;
}

function errorCode(error: unknown): string | undefined {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Node reports a refused "localhost" (tried on ::1 and 127.0.0.1) as an AggregateError without a message.
  if (error.message === "" && error instanceof AggregateError) return error.errors.map(errorText).join("; ");
  return error.message;
}

/** Why the connection failed, in words a person setting up the database can act on. */
function failureReason(error: unknown, target: ConnectionTarget): string {
  const code = errorCode(error);
  const text = errorText(error).split("\n", 1)[0]?.trim() ?? "";
  switch (code) {
    case "ECONNREFUSED":
      return "nothing is listening there (ECONNREFUSED); is PostgreSQL running on that host and port?";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `unknown host "${target.host}" (${code})`;
    case "ETIMEDOUT":
      return "the connection timed out (ETIMEDOUT)";
    default:
      break;
  }
  // node-postgres asks for the password only when the server wants one; without one it fails before sending anything.
  if (/client password must be a string|password must be a string/i.test(text)) {
    return "the server asks for a password and DATABASE_URL has none";
  }
  if (/timeout/i.test(text)) return "the connection timed out";
  return text === "" ? (code ?? "unknown error") : text;
}

function redact(text: string, password: string | undefined): string {
  return password ? text.split(password).join("***") : text;
}

/** The one-line message for a failed connection to `url`. Exported for tests. */
export function connectionFailureMessage(url: string, error: unknown): string {
  let target: ConnectionTarget;
  try {
    target = connectionTarget(url);
  } catch {
    return `Cannot connect to PostgreSQL (DATABASE_URL): not a valid connection URL; ${expectedShape}`;
  }
  const role = target.role ? `as role "${target.role}"` : "without a role (DATABASE_URL names none)";
  return redact(
    `Cannot connect to PostgreSQL at ${target.host}:${target.port} ${role} (DATABASE_URL): ${failureReason(error, target)}`,
    target.password,
  );
}

/** Host, port and role as node-postgres resolves them from the URL (and PG* defaults). Throws on a malformed URL. */
function connectionTarget(url: string): ConnectionTarget {
  // node-postgres parses with `new URL` too, but its error carries the whole URL, password included.
  new URL(url);
  const client = new pg.Client({ connectionString: url });
  return {
    database: client.database,
    host: client.host,
    port: client.port,
    role: client.user,
    password: typeof client.password === "string" ? client.password : undefined,
  };
}

/**
 * Connects once to the PostgreSQL `url` names and disconnects; throws a
 * DatabaseConnectionError (one line, no password) when it cannot.
 */
export async function checkDatabaseConnection(url: string, timeoutMillis = 10_000): Promise<void> {
  let client: pg.Client;
  try {
    new URL(url);
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMillis });
  } catch (error) {
    throw new DatabaseConnectionError(connectionFailureMessage(url, error));
  }
  // A connection that fails after it was established must not become an unhandled 'error' event.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new DatabaseConnectionError(connectionFailureMessage(url, error));
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The schema engine's "permission denied for schema public" (the role does not own the
 * database, and PostgreSQL 15+ lets only the owner create tables there) as one line that
 * says how to fix it; null for any other error.
 */
export function migrationPermissionError(url: string, error: unknown): DatabaseConnectionError | null {
  const denied = /permission denied for schema "?([^"\s]+)"?/.exec(errorText(error));
  if (!denied) return null;
  const target = connectionTarget(url);
  const role = target.role ?? "?";
  const database = target.database ?? role;
  return new DatabaseConnectionError(
    `Cannot create tables in PostgreSQL at ${target.host}:${target.port} as role "${role}" (DATABASE_URL): permission denied for schema ${denied[1] ?? "public"}; ` +
      `make the role own the database: ALTER DATABASE ${database} OWNER TO ${role} (or create it with createdb --owner=${role} ${database})`,
  );
}
