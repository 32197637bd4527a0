import { createHash } from "node:crypto";
import pg from "pg";
import { benchSecretKey, withAppOnPostgres, type BenchRow } from "./appServer.ts";

const traceCount = Number(process.env.LIVELOOP_BENCH_INGEST_TRACES ?? 2000);
const batchSize = 50;
const concurrency = 4;
const text = (seed: number) => `lorem ${seed} `.repeat(Math.ceil(1024 / `lorem ${seed} `.length)).slice(0, 1024);

/** A trace of 10 spans, each carrying 2 KB of text (1 KB in, 1 KB out). */
function benchTrace(prefix: string, i: number) {
  const start = Date.parse("2026-11-01T00:00:00Z") + i * 1000;
  return {
    id: `${prefix}-${i}`,
    name: "bench",
    model: "gpt-4o-mini",
    input: text(i),
    output: text(i + 1),
    startTime: new Date(start).toISOString(),
    endTime: new Date(start + 900).toISOString(),
    spans: Array.from({ length: 10 }, (_, s) => ({
      id: `s${s}`,
      ...(s > 0 ? { parentId: "s0" } : {}),
      type: s === 0 ? "chain" : "llm",
      name: `step ${s}`,
      model: "gpt-4o-mini",
      usage: { inputTokens: 300, outputTokens: 40 },
      input: text(i * 10 + s),
      output: text(i * 10 + s + 1),
      startTime: new Date(start + s * 80).toISOString(),
      endTime: new Date(start + s * 80 + 70).toISOString(),
    })),
  };
}

async function inParallel<T>(items: T[], worker: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await worker(items[next++] as T);
    }),
  );
}

function batches<T>(items: T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / batchSize) }, (_, i) => items.slice(i * batchSize, (i + 1) * batchSize));
}

/** The same rows written straight through pg with multi-row INSERTs: the ceiling for ingest. */
async function rawInsertRate(url: string, projectId: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: concurrency });
  const traces = Array.from({ length: traceCount }, (_, i) => benchTrace("raw", i));
  const start = performance.now();
  await inParallel(batches(traces), async (batch) => {
    const traceValues: unknown[] = [];
    const traceRows = batch.map((trace, i) => {
      traceValues.push(
        projectId,
        trace.id,
        trace.name,
        JSON.stringify(trace.input),
        JSON.stringify(trace.output),
        trace.model,
        trace.startTime,
        trace.endTime,
        900,
        `${trace.input}\n${trace.output}`,
        createHash("sha256").update(JSON.stringify(trace)).digest("hex"),
      );
      const o = i * 11;
      return `($${o + 1}::uuid,$${o + 2},$${o + 3},$${o + 4}::jsonb,$${o + 5}::jsonb,$${o + 6},$${o + 7}::timestamptz,$${o + 8}::timestamptz,$${o + 9},$${o + 10},$${o + 11},now())`;
    });
    const spanValues: unknown[] = [];
    const spanRows = batch.flatMap((trace) =>
      trace.spans.map((span) => {
        const o = spanValues.length;
        spanValues.push(
          projectId,
          trace.id,
          span.id,
          span.parentId ?? null,
          span.type,
          span.name,
          JSON.stringify(span.input),
          JSON.stringify(span.output),
          span.model,
          span.startTime,
          span.endTime,
          300,
          40,
        );
        return `($${o + 1}::uuid,$${o + 2},$${o + 3},$${o + 4},$${o + 5}::"SpanType",$${o + 6},$${o + 7}::jsonb,$${o + 8}::jsonb,$${o + 9},$${o + 10}::timestamptz,$${o + 11}::timestamptz,$${o + 12},$${o + 13})`;
      }),
    );
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO traces (project_id, id, name, input, output, model, start_time, end_time, latency_ms, search_text, content_hash, updated_at) VALUES ${traceRows.join(",")}`,
        traceValues,
      );
      await client.query(
        `INSERT INTO spans (project_id, trace_id, id, parent_id, type, name, input, output, model, start_time, end_time, input_tokens, output_tokens) VALUES ${spanRows.join(",")}`,
        spanValues,
      );
      await client.query("COMMIT");
    } finally {
      client.release();
    }
  });
  const seconds = (performance.now() - start) / 1000;
  await pool.end();
  return traceCount / seconds;
}

async function httpIngestRate(baseUrl: string, prefix: string): Promise<number> {
  const traces = Array.from({ length: traceCount }, (_, i) => benchTrace(prefix, i));
  const bodies = batches(traces).map((batch) => JSON.stringify({ traces: batch }));
  const start = performance.now();
  await inParallel(bodies, async (body) => {
    const response = await fetch(`${baseUrl}/api/v1/traces`, {
      method: "POST",
      headers: { authorization: `Bearer ${benchSecretKey}`, "content-type": "application/json" },
      body,
    });
    if (response.status !== 200) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
  });
  return traceCount / ((performance.now() - start) / 1000);
}

/** Traces per second through POST /api/v1/traces over raw multi-row INSERTs of the same rows, on PostgreSQL. */
export function benchTraceIngest(port: number): Promise<BenchRow> {
  return withAppOnPostgres("ingest", port, async ({ app, databaseUrl, projectId }) => {
    await httpIngestRate(app.baseUrl, "warmup"); // JIT, key cache, connection pool
    const raw = await rawInsertRate(databaseUrl, projectId);
    const http = await httpIngestRate(app.baseUrl, "http");
    const ratio = http / raw;
    return {
      name: `trace ingest on PostgreSQL: traces/s via HTTP / raw multi-row INSERT (${traceCount} traces x 10 spans x 2 KB, batches of ${batchSize}, ${concurrency} in flight)`,
      baseline: `${raw.toFixed(0)} traces/s`,
      measured: `${http.toFixed(0)} traces/s`,
      ratio: ratio.toFixed(3),
      target: ">= 0.3",
      met: ratio >= 0.3,
    };
  });
}
