import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { applyPendingMigrations } from "@liveloop/prisma";
import type { FeedbackEvent } from "@liveloop/widget/protocol";
import { benchPublicKey, startAppServer, withAppOnPostgres, type BenchRow } from "./appServer.ts";

const seconds = Number(process.env.LIVELOOP_BENCH_SECONDS ?? 8);
const eventsPerBatch = 20;
const rawConnections = 8;
const httpConnections = 10;

const columns = "project_id, id, type, trace_id, session_id, value, reasons, comment, occurred_at, received_at";

/** The event the widget sends most: a thumb with a session, plus now and then a comment. */
function benchEvent(i: number): FeedbackEvent {
  return {
    id: randomUUID(),
    type: i % 10 === 0 ? "comment" : "thumb",
    traceId: `trace-${i % 5000}`,
    sessionId: `session-${i % 700}`,
    timestamp: new Date().toISOString(),
    ...(i % 10 === 0 ? { comment: "The answer quoted last year's prices and missed the question." } : { value: i % 3 === 0 ? -1 : 1 }),
  };
}

/** One 20-row INSERT of the same rows the endpoint stores, with bound parameters. */
function insertStatement(projectId: string, offset: number) {
  const values: unknown[] = [];
  const rows = Array.from({ length: eventsPerBatch }, (_, r) => {
    const event = benchEvent(offset + r);
    const o = values.length;
    values.push(
      projectId,
      event.id,
      event.type,
      event.traceId,
      event.sessionId,
      event.value ?? null,
      [],
      event.comment ?? null,
      event.timestamp,
    );
    return `($${o + 1}::uuid,$${o + 2},$${o + 3}::"FeedbackType",$${o + 4},$${o + 5},$${o + 6}::float8,$${o + 7}::text[],$${o + 8},$${o + 9}::timestamptz,now())`;
  });
  return { text: `INSERT INTO feedback_events (${columns}) VALUES ${rows.join(",")}`, values };
}

/** Rows/s of 20-row INSERTs straight through pg on 8 connections: the ceiling for the endpoint. */
async function rawPostgresRate(url: string, projectId: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: rawConnections });
  let rows = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: rawConnections }, async () => {
      while (performance.now() < end) {
        const statement = insertStatement(projectId, rows);
        await pool.query(statement.text, statement.values);
        rows += eventsPerBatch;
      }
    }),
  );
  await pool.end();
  return rows / seconds;
}

/** The same on an embedded PGlite (one connection, as the app has). */
async function rawPgliteRate(): Promise<number> {
  const pglite = new PGlite();
  await applyPendingMigrations(new PrismaPGlite(pglite));
  const { rows: projects } = await pglite.query<{ id: string }>(
    "INSERT INTO projects (id, name) VALUES (gen_random_uuid(), 'raw') RETURNING id",
  );
  const projectId = projects[0]?.id ?? "";
  let rows = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const statement = insertStatement(projectId, rows);
    await pglite.query(statement.text, statement.values);
    rows += eventsPerBatch;
  }
  await pglite.close();
  return rows / seconds;
}

/**
 * Events/s through POST /api/v1/feedback (public key, batches of 20) and the p99 latency.
 * autocannon puts a fresh random id in place of each `[<id>]` on every request, so no
 * request is a replay (which the endpoint would answer without writing).
 */
async function httpRate(baseUrl: string, duration: number): Promise<{ eventsPerSecond: number; p99: number }> {
  const template = JSON.stringify({ events: Array.from({ length: eventsPerBatch }, (_, i) => ({ ...benchEvent(i), id: `[<id>]-${i}` })) });
  const result = await autocannon({
    url: `${baseUrl}/api/v1/feedback`,
    connections: httpConnections,
    duration,
    method: "POST",
    // From a page of the app itself, which the init key (no origins of its own) accepts.
    headers: { authorization: `Bearer ${benchPublicKey}`, "content-type": "application/json", origin: baseUrl },
    body: template,
    idReplacement: true,
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`feedback ingest saw ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  return { eventsPerSecond: (result["2xx"] * eventsPerBatch) / result.duration, p99: result.latency.p99 };
}

function row(database: string, raw: number, http: { eventsPerSecond: number; p99: number }, target: number | null): BenchRow {
  const ratio = http.eventsPerSecond / raw;
  return {
    name: `feedback ingest on ${database}: events/s via POST /api/v1/feedback (batches of ${eventsPerBatch}, ${httpConnections} connections, autocannon, ${seconds}s) / raw ${eventsPerBatch}-row INSERTs${database === "PostgreSQL" ? ` on ${rawConnections} connections` : ""}; p99 ${http.p99} ms`,
    baseline: `${raw.toFixed(0)} rows/s`,
    measured: `${http.eventsPerSecond.toFixed(0)} events/s`,
    ratio: ratio.toFixed(3),
    target: target === null ? "reported" : `>= ${target}, p99 <= 150 ms`,
    met: target === null ? null : ratio >= target && http.p99 <= 150,
  };
}

export function benchFeedbackIngestPostgres(port: number): Promise<BenchRow> {
  return withAppOnPostgres("feedback", port, async ({ app, databaseUrl, projectId }) => {
    await httpRate(app.baseUrl, 3); // JIT, key cache, connection pool
    const raw = await rawPostgresRate(databaseUrl, projectId);
    return row("PostgreSQL", raw, await httpRate(app.baseUrl, seconds), 0.5);
  });
}

export async function benchFeedbackIngestPglite(port: number): Promise<BenchRow> {
  const raw = await rawPgliteRate();
  const app = await startAppServer({ port });
  try {
    await httpRate(app.baseUrl, 3);
    return row("PGlite", raw, await httpRate(app.baseUrl, seconds), null);
  } finally {
    await app.stop();
  }
}
