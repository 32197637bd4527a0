import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { context, metrics, trace, SpanStatusCode, type Tracer } from "@opentelemetry/api";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, SimpleSpanProcessor, TracerProvider, type SpanExporter } from "@opentelemetry/sdk-trace";
import { BatchLogRecordProcessor, LoggerProvider, SimpleLogRecordProcessor, type LogRecordExporter } from "@opentelemetry/sdk-logs";
import { OTLPTraceExporter as JsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtobufExporter } from "@opentelemetry/exporter-trace-otlp-proto";
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

const path = "/api/v1/otel/v1/traces";

/** Records one chat turn the way a GenAI instrumentation does: an agent span with a model call and a tool call. */
function recordChatTurn(tracer: Tracer): string {
  const root = tracer.startSpan("support-turn", {
    attributes: { "gen_ai.operation.name": "invoke_agent", "session.id": "sess-9", "user.id": "user-3" },
  });
  const parent = trace.setSpan(context.active(), root);
  const call = tracer.startSpan(
    "chat gpt-4o-mini",
    {
      attributes: {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "openai",
        "gen_ai.request.model": "gpt-4o-mini",
        "gen_ai.response.model": "gpt-4o-mini-2024-07-18",
        "gen_ai.request.temperature": 0.3,
        "gen_ai.request.max_tokens": 200,
        "gen_ai.usage.input_tokens": 120,
        "gen_ai.usage.output_tokens": 30,
        "gen_ai.input.messages": JSON.stringify([
          { role: "system", parts: [{ type: "text", content: "Be brief." }] },
          { role: "user", parts: [{ type: "text", content: "Where is order 7?" }] },
        ]),
        "gen_ai.output.messages": JSON.stringify([
          { role: "assistant", parts: [{ type: "text", content: "Order 7 ships today." }], finish_reason: "stop" },
        ]),
      },
    },
    parent,
  );
  call.end();
  const tool = tracer.startSpan("execute_tool lookup_order", { attributes: { "gen_ai.operation.name": "execute_tool" } }, parent);
  tool.setStatus({ code: SpanStatusCode.ERROR, message: "order service timed out" });
  tool.end();
  root.end();
  return root.spanContext().traceId;
}

function providerFor(exporter: SpanExporter) {
  return new TracerProvider({
    resource: resourceFromAttributes({ "service.name": "support-bot", "service.version": "2.4.1" }),
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
  });
}

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

describe.each(await testDatabaseKinds())("OTLP/HTTP ingest on %s", (kind) => {
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
    server = await serveRoutes({ [`POST ${path}`]: route(otlpTraceExportRoute), [`POST ${logsPath}`]: route(otlpLogExportRoute) });
    openAi = await startOpenAiStub();
  });
  afterAll(async () => {
    await server.close();
    await openAi.close();
  });

  async function expectChatTurnStored(projectId: string, traceId: string) {
    const stored = await getTrace(test.database, projectId, traceId);
    expect(stored).toMatchObject({
      name: "support-turn",
      sessionId: "sess-9",
      userId: "user-3",
      model: "gpt-4o-mini",
      servedModel: "gpt-4o-mini-2024-07-18",
      release: "2.4.1",
      config: { temperature: 0.3, maxTokens: 200 },
      input: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Where is order 7?" },
      ],
      output: "Order 7 ships today.",
      usage: { inputTokens: 120, outputTokens: 30 },
      costSource: "computed",
      status: "ok",
    });
    expect(stored.costUsd).toBeCloseTo((120 * 0.15 + 30 * 0.6) / 1e6, 12);
    const root = stored.spans.find((span) => span.name === "support-turn");
    expect(stored.spans.map((span) => [span.name, span.type, span.parentId === (root?.id ?? "x") || span === root])).toEqual(
      expect.arrayContaining([
        ["support-turn", "agent", true],
        ["chat gpt-4o-mini", "llm", true],
        ["execute_tool lookup_order", "tool", true],
      ]),
    );
    expect(stored.spans.find((span) => span.type === "tool")).toMatchObject({ status: "error", error: "order service timed out" });
  }

  it("takes spans from the official OpenTelemetry SDK's OTLP/JSON exporter", async () => {
    const { project, secretKey } = await createProjectWithKeys(test.database);
    const provider = providerFor(new JsonExporter({ url: `${server.url}${path}`, headers: { Authorization: `Bearer ${secretKey.key}` } }));
    const traceId = recordChatTurn(provider.getTracer("test"));
    await provider.forceFlush();
    await provider.shutdown();
    await expectChatTurnStored(project.id, traceId);
  });

  it("takes gzipped spans from the official OTLP/protobuf exporter, exported one span at a time", async () => {
    const { project, secretKey } = await createProjectWithKeys(test.database);
    const provider = providerFor(
      new ProtobufExporter({
        url: `${server.url}${path}`,
        headers: { Authorization: `Bearer ${secretKey.key}` },
        compression: CompressionAlgorithm.GZIP,
      }),
    );
    const traceId = recordChatTurn(provider.getTracer("test"));
    await provider.forceFlush();
    await provider.shutdown();
    await expectChatTurnStored(project.id, traceId);
    expect(await test.database.span.count({ where: { projectId: project.id, traceId } })).toBe(3);
  });

  it("refuses what is not OTLP and stops a gzip bomb at the cap, storing nothing", async () => {
    const { project, secretKey } = await createProjectWithKeys(test.database);
    const post = (body: Uint8Array<ArrayBuffer> | string, headers: Record<string, string>) =>
      fetch(`${server.url}${path}`, { method: "POST", headers: { authorization: `Bearer ${secretKey.key}`, ...headers }, body });
    expect((await post(JSON.stringify({ hello: "world" }), { "content-type": "application/json" })).status).toBe(400);
    expect((await post(Uint8Array.from([0x0a, 0xff, 0xff, 0x03, 0x01]), { "content-type": "application/x-protobuf" })).status).toBe(400);
    expect((await post("<xml/>", { "content-type": "application/xml" })).status).toBe(415);
    const bomb = Uint8Array.from(gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect((await post(bomb, { "content-type": "application/json", "content-encoding": "gzip" })).status).toBe(413);
    expect(await test.database.trace.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("answers a JSON export with partialSuccess when a trace is rejected", async () => {
    const { project, secretKey } = await createProjectWithKeys(test.database);
    const span = (spanId: string, start: string, end: string) => ({
      traceId: "0af7651916cd43dd8448eb211c80319c",
      spanId,
      name: "x",
      startTimeUnixNano: start,
      endTimeUnixNano: end,
    });
    const response = await fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${secretKey.key}`, "content-type": "application/json" },
      body: JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [span("b7ad6b7169203331", "1000000000", "2000000000")] }] }] }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    expect((await getTrace(test.database, project.id, "0af7651916cd43dd8448eb211c80319c")).latencyMs).toBe(1000);
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
      new JsonExporter({ url: `${server.url}${path}`, headers }),
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
      new ProtobufExporter({ url: `${server.url}${path}`, ...options }),
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
    expect(await post(path, { resourceSpans: [{ scopeSpans: [{ spans: [{ ...span, attributes }] }] }] })).toEqual({});
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

  it("reads the event name from the LogRecord's event_name field (12) in protobuf", async () => {
    const { project, secretKey } = await createProjectWithKeys(test.database);
    const exporter = new ProtobufLogExporter({ url: `${server.url}${logsPath}`, headers: { Authorization: `Bearer ${secretKey.key}` } });
    const provider = new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter })] });
    const call = trace.wrapSpanContext({ traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", traceFlags: 1 });
    provider.getLogger("recorded").emit({
      eventName: "gen_ai.user.message",
      body: { content: "Named by field 12" },
      context: trace.setSpan(context.active(), call),
    });
    provider.getLogger("recorded").emit({ eventName: "http.request", body: "GET /health", context: trace.setSpan(context.active(), call) });
    await provider.forceFlush();
    await provider.shutdown();
    expect(
      await test.database.genAiLogEvent.findMany({ where: { projectId: project.id }, select: { spanId: true, name: true, body: true } }),
    ).toEqual([{ spanId: "b7ad6b7169203331", name: "gen_ai.user.message", body: { content: "Named by field 12" } }]);
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
