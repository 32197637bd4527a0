import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metrics } from "@opentelemetry/api";
import { BatchSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { BatchLogRecordProcessor, LoggerProvider, type LogRecordExporter } from "@opentelemetry/sdk-logs";
import type { SpanExporter } from "@opentelemetry/sdk-trace";
import { OTLPTraceExporter as JsonTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtobufTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { OTLPLogExporter as JsonLogExporter } from "@opentelemetry/exporter-logs-otlp-http";
import { OTLPLogExporter as ProtobufLogExporter } from "@opentelemetry/exporter-logs-otlp-proto";
import { CompressionAlgorithm } from "@opentelemetry/otlp-exporter-base";
import { OpenAIInstrumentation } from "@opentelemetry/instrumentation-openai";
import type { OpenAI as OpenAIClient } from "openai";
import { createApiRoute } from "@/server/api/route";
import { createRateLimiter } from "@/server/api/rateLimiter";
import { otlpLogExportRoute, otlpTraceExportRoute } from "@/server/otel/otlpRoute";
import { genAiLogEventRetentionMs, ingestGenAiLogEvents } from "@/server/otel/ingestGenAiLogEvents";
import { getTrace } from "@/server/traces/traceQueries";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";
import { serveRoutes, type RouteServer } from "@/test/routeServer";

const tracesPath = "/api/v1/otel/v1/traces";
const logsPath = "/api/v1/otel/v1/logs";

// The official instrumentation patches `openai` when it is required: load it through
// Node's own require once the instrumentation is in place.
const instrumentation = new OpenAIInstrumentation({ captureMessageContent: true });
// Its duration histogram is created with a meter provider (0.21.0 leaves it unset until then).
instrumentation.setMeterProvider(metrics.getMeterProvider());
const { OpenAI } = createRequire(import.meta.url)("openai") as { OpenAI: typeof OpenAIClient };

/** A local server speaking OpenAI's chat-completions protocol: a snapshot answers, and a prompt saying "fail" is rate limited. */
async function startOpenAiStub(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { messages: { content: string }[] };
      response.setHeader("content-type", "application/json");
      if (body.messages.some((message) => message.content.includes("fail"))) {
        response
          .writeHead(429)
          .end(JSON.stringify({ error: { message: "Rate limit reached", type: "rate_limit_error", code: "rate_limit" } }));
        return;
      }
      response.writeHead(200).end(
        JSON.stringify({
          id: "chatcmpl-stub",
          object: "chat.completion",
          created: 1_764_000_000,
          model: "gpt-4o-mini-2024-07-18",
          choices: [{ index: 0, message: { role: "assistant", content: "Order 7 ships today." }, finish_reason: "stop" }],
          usage: { prompt_tokens: 20, completion_tokens: 5, total_tokens: 25 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}

// Exports wait for an explicit flush, so a test chooses whether events or spans arrive first.
const held = { scheduledDelayMillis: 3_600_000, maxExportBatchSize: 1_000, maxQueueSize: 1_000 };

function instrumentedClient(openAiUrl: string, spanExporter: SpanExporter, logExporter: LogRecordExporter) {
  const tracerProvider = new TracerProvider({ spanProcessors: [new BatchSpanProcessor({ exporter: spanExporter, ...held })] });
  const loggerProvider = new LoggerProvider({ processors: [new BatchLogRecordProcessor({ exporter: logExporter, ...held })] });
  instrumentation.setTracerProvider(tracerProvider);
  instrumentation.setLoggerProvider(loggerProvider);
  const client = new OpenAI({ apiKey: "sk-stub", baseURL: openAiUrl, maxRetries: 0 });
  return { client, tracerProvider, loggerProvider };
}

const conversation = [
  { role: "system" as const, content: "Be brief." },
  { role: "user" as const, content: "Where is order 7?" },
];

describe.each(await testDatabaseKinds())("OTLP/HTTP GenAI log events on %s", (kind) => {
  const test = useTestDatabase(kind);
  let server: RouteServer;
  let openAi: Awaited<ReturnType<typeof startOpenAiStub>>;
  beforeAll(async () => {
    const limiter = createRateLimiter(100_000);
    const route = createApiRoute({
      database: () => test.database,
      rateLimiter: () => limiter,
      sessionUser: () => Promise.resolve(null),
      now: () => new Date(),
    });
    server = await serveRoutes({ [`POST ${tracesPath}`]: route(otlpTraceExportRoute), [`POST ${logsPath}`]: route(otlpLogExportRoute) });
    openAi = await startOpenAiStub();
  });
  afterAll(async () => {
    await server.close();
    await openAi.close();
  });

  const tracesOf = async (projectId: string) =>
    Promise.all(
      (await test.database.trace.findMany({ where: { projectId }, select: { id: true }, orderBy: { startTime: "asc" } })).map((row) =>
        getTrace(test.database, projectId, row.id),
      ),
    );

  it("attaches the official OpenAI instrumentation's log events (OTLP/JSON) to a span that arrives after them", async () => {
    const { project, secretKey } = await createProjectWithKeys(test.database);
    const headers = { Authorization: `Bearer ${secretKey.key}` };
    const { client, tracerProvider, loggerProvider } = instrumentedClient(
      openAi.url,
      new JsonTraceExporter({ url: `${server.url}${tracesPath}`, headers }),
      new JsonLogExporter({ url: `${server.url}${logsPath}`, headers }),
    );
    await client.chat.completions.create({ model: "gpt-4o-mini", messages: conversation });
    await expect(client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "fail" }] })).rejects.toThrow();

    await loggerProvider.forceFlush();
    expect(await test.database.genAiLogEvent.count({ where: { projectId: project.id } })).toBe(4);
    expect(await test.database.trace.count({ where: { projectId: project.id } })).toBe(0);
    await tracerProvider.forceFlush();
    await Promise.all([loggerProvider.shutdown(), tracerProvider.shutdown()]);

    const [answered, failed] = await tracesOf(project.id);
    expect(answered).toMatchObject({
      model: "gpt-4o-mini",
      servedModel: "gpt-4o-mini-2024-07-18",
      input: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Where is order 7?" },
      ],
      output: "Order 7 ships today.",
      usage: { inputTokens: 20, outputTokens: 5 },
      status: "ok",
    });
    expect(answered?.spans[0]).toMatchObject({ input: answered?.input, output: [{ role: "assistant", content: "Order 7 ships today." }] });
    expect(failed).toMatchObject({ model: "gpt-4o-mini", servedModel: null, input: [{ role: "user", content: "fail" }], status: "error" });
  });

  it("fills in a stored span from gzipped OTLP/protobuf log events that arrive after it", async () => {
    const { project, secretKey } = await createProjectWithKeys(test.database);
    const options = { headers: { Authorization: `Bearer ${secretKey.key}` }, compression: CompressionAlgorithm.GZIP };
    const { client, tracerProvider, loggerProvider } = instrumentedClient(
      openAi.url,
      new ProtobufTraceExporter({ url: `${server.url}${tracesPath}`, ...options }),
      new ProtobufLogExporter({ url: `${server.url}${logsPath}`, ...options }),
    );
    await client.chat.completions.create({ model: "gpt-4o-mini", messages: conversation });

    await tracerProvider.forceFlush();
    const [before] = await tracesOf(project.id);
    expect(before).toMatchObject({ model: "gpt-4o-mini", input: null, output: null });
    await loggerProvider.forceFlush();
    await Promise.all([loggerProvider.shutdown(), tracerProvider.shutdown()]);

    const [after] = await tracesOf(project.id);
    expect(after).toMatchObject({
      id: before?.id,
      input: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Where is order 7?" },
      ],
      output: "Order 7 ships today.",
    });
  });

  it("takes recorded exports: eventName or event.name, retries add nothing, other records and empty events are dropped, events without a span are rejected", async () => {
    const { project, secretKey } = await createProjectWithKeys(test.database);
    const traceId = "5b8efff798038103d269b633813fc60c";
    const spanId = "eee19b7ec3c1b174";
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${secretKey.key}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as unknown;
    };
    const kv = (key: string, value: string) => ({ key, value: { stringValue: value } });
    const record = (fields: Record<string, unknown>) => ({ timeUnixNano: "1764000000000000000", traceId, spanId, ...fields });
    const logs = {
      resourceLogs: [
        {
          resource: { attributes: [kv("service.name", "support-bot")] },
          scopeLogs: [
            {
              scope: { name: "recorded" },
              logRecords: [
                record({ body: { stringValue: "GET /health 200" }, attributes: [kv("http.route", "/health")] }),
                record({ eventName: "gen_ai.user.message", body: { kvlistValue: { values: [kv("content", "ok")] } } }),
                record({ attributes: [kv("event.name", "gen_ai.user.message")], body: { kvlistValue: { values: [kv("content", "ok")] } } }),
                record({
                  timeUnixNano: "1764000000900000000",
                  eventName: "gen_ai.choice",
                  body: {
                    kvlistValue: {
                      values: [
                        { key: "index", value: { intValue: "0" } },
                        kv("finish_reason", "stop"),
                        { key: "message", value: { kvlistValue: { values: [kv("content", "Noted.")] } } },
                      ],
                    },
                  },
                }),
                record({ eventName: "gen_ai.user.message", body: { kvlistValue: { values: [] } } }),
                record({ eventName: "gen_ai.tool.message", body: { kvlistValue: { values: [kv("id", "call_1")] } } }),
                record({
                  traceId: "",
                  spanId: "",
                  eventName: "gen_ai.user.message",
                  body: { kvlistValue: { values: [kv("content", "x")] } },
                }),
              ],
            },
          ],
        },
      ],
    };
    const partial = { partialSuccess: { rejectedLogRecords: 1, errorMessage: expect.stringContaining("no trace and span id") as unknown } };
    expect(await post(logsPath, logs)).toEqual(partial);
    expect(await post(logsPath, logs)).toEqual(partial);
    expect(await test.database.genAiLogEvent.count({ where: { projectId: project.id } })).toBe(3);

    const span = { traceId, spanId, name: "chat gpt-4o", startTimeUnixNano: "1764000000000000000", endTimeUnixNano: "1764000001000000000" };
    const attributes = [kv("gen_ai.operation.name", "chat"), kv("gen_ai.request.model", "gpt-4o")];
    expect(await post(tracesPath, { resourceSpans: [{ scopeSpans: [{ spans: [{ ...span, attributes }] }] }] })).toEqual({});
    expect(await post(logsPath, logs)).toEqual(partial);
    expect(await getTrace(test.database, project.id, traceId)).toMatchObject({
      model: "gpt-4o",
      input: [
        { role: "user", content: "ok" },
        { role: "user", content: "ok" },
      ],
      output: "Noted.",
    });
  });

  it("refuses what is not an OTLP log export, and secret keys only", async () => {
    const { project, secretKey, publicKey } = await createProjectWithKeys(test.database);
    const post = (body: Uint8Array<ArrayBuffer> | string, headers: Record<string, string>, key = secretKey.key) =>
      fetch(`${server.url}${logsPath}`, { method: "POST", headers: { authorization: `Bearer ${key}`, ...headers }, body });
    expect((await post(JSON.stringify({ resourceSpans: [] }), { "content-type": "application/json" })).status).toBe(400);
    expect((await post(Uint8Array.from([0x0a, 0xff, 0xff, 0x03, 0x01]), { "content-type": "application/x-protobuf" })).status).toBe(400);
    expect((await post("<xml/>", { "content-type": "application/xml" })).status).toBe(415);
    expect((await post(JSON.stringify({ resourceLogs: [] }), { "content-type": "application/json" }, publicKey.key)).status).toBe(403);
    const empty = await post(JSON.stringify({ resourceLogs: [] }), { "content-type": "application/json" });
    expect([empty.status, await empty.json()]).toEqual([200, {}]);
    expect(await test.database.genAiLogEvent.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("purges events whose span never came once they are a day old", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const event = (spanId: string) => ({
      name: "gen_ai.user.message",
      traceId: "00000000000000000000000000000abc",
      spanId,
      timeUnixNano: 1n,
      body: { content: "hi" },
    });
    const start = new Date("2026-11-27T10:00:00Z");
    await ingestGenAiLogEvents(test.database, project.id, { events: [event("00000000000000a1")] }, start);
    await ingestGenAiLogEvents(
      test.database,
      project.id,
      { events: [event("00000000000000a2")] },
      new Date(start.getTime() + genAiLogEventRetentionMs),
    );
    expect((await test.database.genAiLogEvent.findMany({ where: { projectId: project.id } })).map((row) => row.spanId)).toEqual([
      "00000000000000a1",
      "00000000000000a2",
    ]);
    await ingestGenAiLogEvents(
      test.database,
      project.id,
      { events: [event("00000000000000a3")] },
      new Date(start.getTime() + genAiLogEventRetentionMs + 1),
    );
    expect(
      (await test.database.genAiLogEvent.findMany({ where: { projectId: project.id }, orderBy: { spanId: "asc" } })).map(
        (row) => row.spanId,
      ),
    ).toEqual(["00000000000000a2", "00000000000000a3"]);
  });
});
