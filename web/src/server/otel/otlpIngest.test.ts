import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { context, trace, SpanStatusCode, type Tracer } from "@opentelemetry/api";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { SimpleSpanProcessor, TracerProvider, type SpanExporter } from "@opentelemetry/sdk-trace";
import { OTLPTraceExporter as JsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtobufExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { CompressionAlgorithm } from "@opentelemetry/otlp-exporter-base";
import { createApiRoute } from "@/server/api/route";
import { createRateLimiter } from "@/server/api/rateLimiter";
import { otlpTraceExportRoute } from "@/server/otel/otlpRoute";
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

describe.each(await testDatabaseKinds())("OTLP/HTTP ingest on %s", (kind) => {
  const test = useTestDatabase(kind);
  let server: RouteServer;
  beforeAll(async () => {
    const limiter = createRateLimiter(100_000);
    const route = createApiRoute({
      database: () => test.database,
      rateLimiter: () => limiter,
      sessionUser: () => Promise.resolve(null),
      now: () => new Date(),
    });
    server = await serveRoutes({ [`POST ${path}`]: route(otlpTraceExportRoute) });
  });
  afterAll(() => server.close());

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
});
