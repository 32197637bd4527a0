import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import type * as RouteModule from "@/server/api/route";
import type { RouteHandler } from "@/server/api/route";
import type { Database } from "@/server/db/client";
import type { SessionUser } from "@/server/auth/authSessions";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { addMemberWithRole, createProjectWithKeys } from "@/test/factories";
import { NotFoundError } from "@/server/errors";
import { findTraceId, getTrace } from "@/server/traces/traceQueries";
import { sessionConversation } from "@/server/traces/sessionQueries";

// The corpus goes through the route files the app serves: `apiRoute` is the real wrapper
// (auth, parsing, error mapping), bound to the test database and a signed-in owner.
const harness = vi.hoisted(() => ({ database: null as Database | null, session: null as SessionUser | null }));

vi.mock("@/server/api/route", async (importOriginal) => {
  const actual = await importOriginal<typeof RouteModule>();
  const { createRateLimiter } = await import("@/server/api/rateLimiter");
  const limiter = createRateLimiter(1_000_000);
  return {
    ...actual,
    apiRoute: actual.createApiRoute({
      database: () => {
        if (!harness.database) throw new Error("no test database yet");
        return harness.database;
      },
      rateLimiter: () => limiter,
      sessionUser: () => Promise.resolve(harness.session),
      now: () => new Date(),
    }),
  };
});

const traces = await import("@/app/api/v1/traces/route");
const traceById = await import("@/app/api/v1/traces/[id]/route");
const otlp = await import("@/app/api/v1/otel/v1/traces/route");
const feedback = await import("@/app/api/v1/feedback/route");
const feedbackTokens = await import("@/app/api/v1/feedback-tokens/route");
const datasetItems = await import("@/app/api/v1/datasets/[name]/items/route");
const datasetVersions = await import("@/app/api/v1/datasets/[name]/versions/route");
const metrics = await import("@/app/api/v1/metrics/route");
const reviewItems = await import("@/app/api/v1/review-items/route");
const annotation = await import("@/app/api/v1/projects/[projectId]/review-items/[itemId]/annotation/route");
const adjudication = await import("@/app/api/v1/projects/[projectId]/review-items/[itemId]/adjudication/route");
const reviewRules = await import("@/app/api/v1/projects/[projectId]/review-rules/route");
const projects = await import("@/app/api/v1/projects/route");
const project = await import("@/app/api/v1/projects/[projectId]/route");
const apiKeys = await import("@/app/api/v1/projects/[projectId]/api-keys/route");
const member = await import("@/app/api/v1/projects/[projectId]/members/[memberId]/route");
const modelPrices = await import("@/app/api/v1/projects/[projectId]/model-prices/route");

const origin = "https://chat.example.test";
const nul = "\u0000";
const loneSurrogate = "\ud800";
/** Nesting far past the 64-level limit: deep enough to overflow any recursive walker. */
const hostileDepth = 5_000;

interface Fixture {
  projectId: string;
  publicKey: string;
  secretKey: string;
  memberId: string;
}

interface Call {
  handler: RouteHandler;
  method?: string;
  path?: string;
  query?: Record<string, string>;
  params?: Record<string, string>;
  key?: string;
  origin?: string;
  body?: string | Uint8Array<ArrayBuffer>;
  contentType?: string;
}

function send(call: Call): Promise<Response> {
  const headers: Record<string, string> = {};
  if (call.body !== undefined) headers["content-type"] = call.contentType ?? "application/json";
  if (call.key) headers.authorization = `Bearer ${call.key}`;
  if (call.origin) headers.origin = call.origin;
  const query = call.query ? `?${new URLSearchParams(call.query).toString()}` : "";
  const request = new NextRequest(`http://liveloop.test${call.path ?? "/api/v1/x"}${query}`, {
    method: call.method ?? (call.body === undefined ? "GET" : "POST"),
    headers,
    body: call.body ?? null,
    duplex: "half",
  });
  return call.handler(request, { params: Promise.resolve(call.params ?? {}) });
}

/** A JSON document holding `value` where the marker string is, nested `depth` objects deep there. */
function withDeepJson(value: unknown, depth = hostileDepth): string {
  return JSON.stringify(value).replace('"__deep__"', `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`);
}

const trace = (fields: Record<string, unknown> = {}) => ({
  id: `t-${randomUUID()}`,
  startTime: "2026-11-27T10:00:00.000Z",
  endTime: "2026-11-27T10:00:01.500Z",
  ...fields,
});
const span = (fields: Record<string, unknown> = {}) => ({
  id: `s-${randomUUID()}`,
  type: "llm",
  name: "call",
  startTime: "2026-11-27T10:00:00.100Z",
  endTime: "2026-11-27T10:00:01.000Z",
  ...fields,
});
const feedbackEvent = (fields: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  type: "thumb",
  value: -1,
  traceId: "answer-1",
  timestamp: "2026-11-27T09:59:00.000Z",
  ...fields,
});
const datasetItem = (fields: Record<string, unknown> = {}) => ({
  id: `i-${randomUUID()}`,
  input: [{ role: "user", content: "Where is my order?" }],
  expectedOutput: "It ships today.",
  ...fields,
});

// OTLP/JSON and protobuf requests of one span.
const hexTraceId = () => randomUUID().replaceAll("-", "");
const otlpJson = (spanFields: Record<string, unknown>, traceId = hexTraceId()) => ({
  resourceSpans: [
    {
      resource: { attributes: [{ key: "service.name", value: { stringValue: "bot" } }] },
      scopeSpans: [
        {
          spans: [
            {
              traceId,
              spanId: "00f067aa0ba902b7",
              name: "chat",
              startTimeUnixNano: "1795773600000000000",
              endTimeUnixNano: "1795773601000000000",
              ...spanFields,
            },
          ],
        },
      ],
    },
  ],
});

function varint(value: bigint): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest > 0x7fn) {
    bytes.push(Number((rest & 0x7fn) | 0x80n));
    rest >>= 7n;
  }
  bytes.push(Number(rest));
  return bytes;
}
const lengthDelimited = (field: number, bytes: number[]) => [...varint(BigInt(field * 8 + 2)), ...varint(BigInt(bytes.length)), ...bytes];
const utf8 = (text: string) => [...Buffer.from(text, "utf8")];
const fixed64 = (field: number, value: bigint) => {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64LE(value);
  return [...varint(BigInt(field * 8 + 1)), ...buffer];
};

/** An AnyValue of arrays nested `depth` deep: prefixes built from the inside out, joined once. */
function nestedAnyValue(depth: number): number[] {
  const leaf = lengthDelimited(1, utf8("leaf"));
  const prefixes: number[][] = [];
  let length = leaf.length;
  for (let i = 0; i < depth; i++) {
    // ArrayValue { values (1): AnyValue }, inside AnyValue { array_value (5): ArrayValue }.
    const values = [...varint(BigInt(1 * 8 + 2)), ...varint(BigInt(length))];
    length += values.length;
    const arrayValue = [...varint(BigInt(5 * 8 + 2)), ...varint(BigInt(length))];
    length += arrayValue.length;
    prefixes.push(values, arrayValue);
  }
  return [...prefixes.reverse().flat(), ...leaf];
}

function otlpProtobuf(options: { name?: string; attributeValue?: number[]; endNanos?: bigint }): Uint8Array<ArrayBuffer> {
  const spanBytes = [
    ...lengthDelimited(1, [...Buffer.from(hexTraceId(), "hex")]),
    ...lengthDelimited(2, [...Buffer.from("00f067aa0ba902b7", "hex")]),
    ...lengthDelimited(5, utf8(options.name ?? "chat")),
    ...fixed64(7, 1795773600000000000n),
    ...fixed64(8, options.endNanos ?? 1795773601000000000n),
    ...(options.attributeValue
      ? lengthDelimited(9, [...lengthDelimited(1, utf8("deep")), ...lengthDelimited(2, options.attributeValue)])
      : []),
  ];
  const scopeSpans = lengthDelimited(2, spanBytes);
  const resourceSpans = lengthDelimited(2, scopeSpans);
  return Uint8Array.from(lengthDelimited(1, resourceSpans));
}

type Expectation =
  /** The whole request is refused with this status. */
  | { refused: number; field?: string }
  /** A batch endpoint answers 207 and refuses the one item (400), naming the field. */
  | { rejectedItem: string }
  /** OTLP answers a partial success that rejects the span, naming the field. */
  | { otlpRejected: string; encoding: "json" | "protobuf" }
  /** Accepted, and what was stored is the normalised value. */
  | { stored: (database: Database, fixture: Fixture) => Promise<unknown>; toEqual: unknown };

interface HostileCase {
  name: string;
  call: (fixture: Fixture) => Call;
  expect: Expectation;
}

const postTraces = (fixture: Fixture, ...items: unknown[]): Call => ({
  handler: traces.POST,
  key: fixture.secretKey,
  body: JSON.stringify({ traces: items }),
});
const postDeepTrace = (fixture: Fixture, fields: Record<string, unknown>): Call => ({
  handler: traces.POST,
  key: fixture.secretKey,
  body: withDeepJson({ traces: [trace(fields)] }),
});
const listTraces = (fixture: Fixture, query: Record<string, string>): Call => ({ handler: traces.GET, key: fixture.secretKey, query });
const postFeedback = (fixture: Fixture, body: string): Call => ({ handler: feedback.POST, key: fixture.publicKey, origin, body });
const postItems = (fixture: Fixture, body: string, name = "golden"): Call => ({
  handler: datasetItems.POST,
  key: fixture.secretKey,
  params: { name },
  body,
});
const listReview = (fixture: Fixture, query: Record<string, string>): Call => ({ handler: reviewItems.GET, key: fixture.secretKey, query });
const asSession = (handler: RouteHandler, method: string, params: Record<string, string>, body: unknown): Call => ({
  handler,
  method,
  params,
  body: JSON.stringify(body),
});
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

async function storedTrace(database: Database, fixture: Fixture, id: string) {
  return database.trace.findUnique({
    where: { projectId_id: { projectId: fixture.projectId, id } },
    select: { input: true, output: true, error: true, promptTemplate: true, metadata: true },
  });
}

// Ids fixed per case, so the stored row can be read back.
const normalisedIds = {
  input: `n-${randomUUID()}`,
  output: `n-${randomUUID()}`,
  metadata: `n-${randomUUID()}`,
  error: `n-${randomUUID()}`,
  template: `n-${randomUUID()}`,
  comment: randomUUID(),
  feedbackMetadata: randomUUID(),
  expected: `i-${randomUUID()}`,
  message: `i-${randomUUID()}`,
  otlpTrace: hexTraceId(),
  otlpMessages: hexTraceId(),
};

const cases: HostileCase[] = [
  // POST /api/v1/traces: ids, names and filterable fields are refused.
  { name: "trace id with NUL", call: (f) => postTraces(f, trace({ id: `a${nul}b` })), expect: { rejectedItem: "id" } },
  { name: "trace name with NUL", call: (f) => postTraces(f, trace({ name: `chat${nul}` })), expect: { rejectedItem: "name" } },
  {
    name: "span name with NUL",
    call: (f) => postTraces(f, trace({ spans: [span({ name: nul })] })),
    expect: { rejectedItem: "spans.0.name" },
  },
  {
    name: "span id with a lone surrogate",
    call: (f) => postTraces(f, trace({ spans: [span({ id: loneSurrogate })] })),
    expect: { rejectedItem: "spans.0.id" },
  },
  {
    name: "span parentId with NUL",
    call: (f) => postTraces(f, trace({ spans: [span({ parentId: `p${nul}` })] })),
    expect: { rejectedItem: "spans.0.parentId" },
  },
  { name: "trace sessionId with NUL", call: (f) => postTraces(f, trace({ sessionId: `s${nul}` })), expect: { rejectedItem: "sessionId" } },
  {
    name: "trace userId with a lone surrogate",
    call: (f) => postTraces(f, trace({ userId: `u${loneSurrogate}` })),
    expect: { rejectedItem: "userId" },
  },
  { name: "trace model with NUL", call: (f) => postTraces(f, trace({ model: `gpt${nul}` })), expect: { rejectedItem: "model" } },
  { name: "trace release with NUL", call: (f) => postTraces(f, trace({ release: `1.0${nul}` })), expect: { rejectedItem: "release" } },
  {
    name: "trace promptVersion with a lone surrogate",
    call: (f) => postTraces(f, trace({ promptVersion: loneSurrogate })),
    expect: { rejectedItem: "promptVersion" },
  },
  {
    name: "span model with a lone surrogate",
    call: (f) => postTraces(f, trace({ spans: [span({ model: `m${loneSurrogate}` })] })),
    expect: { rejectedItem: "spans.0.model" },
  },
  {
    name: "start in year 0000",
    call: (f) => postTraces(f, trace({ startTime: "0000-01-01T00:00:00Z", endTime: undefined })),
    expect: { rejectedItem: "startTime" },
  },
  {
    name: "start before 1970",
    call: (f) => postTraces(f, trace({ startTime: "1969-12-31T23:59:59Z", endTime: undefined })),
    expect: { rejectedItem: "startTime" },
  },
  {
    name: "end past 9999 once its offset applies",
    call: (f) => postTraces(f, trace({ endTime: "9999-12-31T23:00:00-05:00" })),
    expect: { rejectedItem: "endTime" },
  },
  {
    name: "a trace from 1970 to 9999 (latency past int4)",
    call: (f) => postTraces(f, trace({ startTime: "1970-01-01T00:00:00Z", endTime: "9999-12-31T00:00:00Z" })),
    expect: { rejectedItem: "endTime" },
  },
  {
    name: "first token 30 days after the start",
    call: (f) => postTraces(f, trace({ endTime: undefined, firstTokenTime: "2026-12-27T10:00:00Z" })),
    expect: { rejectedItem: "firstTokenTime" },
  },
  {
    name: "a span lasting 100 years",
    call: (f) => postTraces(f, trace({ spans: [span({ endTime: "2126-11-27T10:00:00Z" })] })),
    expect: { rejectedItem: "spans.0.endTime" },
  },
  {
    name: "input tokens above int4",
    call: (f) => postTraces(f, trace({ usage: { inputTokens: 2 ** 31, outputTokens: 1 } })),
    expect: { rejectedItem: "usage.inputTokens" },
  },
  {
    name: "span output tokens above int4",
    call: (f) => postTraces(f, trace({ spans: [span({ usage: { inputTokens: 1, outputTokens: 1e12 } })] })),
    expect: { rejectedItem: "spans.0.usage.outputTokens" },
  },
  {
    name: "spans whose tokens add up past int4",
    call: (f) =>
      postTraces(
        f,
        trace({
          spans: [
            span({ usage: { inputTokens: 2 ** 31 - 1, outputTokens: 0 } }),
            span({ usage: { inputTokens: 2 ** 31 - 1, outputTokens: 0 } }),
          ],
        }),
      ),
    expect: { rejectedItem: "spans" },
  },
  { name: "costUsd 1e308", call: (f) => postTraces(f, trace({ costUsd: 1e308 })), expect: { rejectedItem: "costUsd" } },
  {
    name: "span costUsd 1e308",
    call: (f) => postTraces(f, trace({ spans: [span({ costUsd: 1e308 })] })),
    expect: { rejectedItem: "spans.0.costUsd" },
  },
  {
    name: "metadata nested 5 000 deep",
    call: (f) => postDeepTrace(f, { metadata: { x: "__deep__" } }),
    expect: { rejectedItem: "metadata" },
  },
  {
    name: "input object nested 5 000 deep",
    call: (f) => postDeepTrace(f, { input: { x: "__deep__" } }),
    expect: { rejectedItem: "input" },
  },
  {
    name: "chat content parts nested 5 000 deep",
    call: (f) => postDeepTrace(f, { output: [{ role: "assistant", content: ["__deep__"] }] }),
    expect: { rejectedItem: "output" },
  },
  { name: "config nested 5 000 deep", call: (f) => postDeepTrace(f, { config: { x: "__deep__" } }), expect: { rejectedItem: "config" } },
  {
    name: "span attributes nested 5 000 deep",
    call: (f) => postDeepTrace(f, { spans: [span({ attributes: { x: "__deep__" } })] }),
    expect: { rejectedItem: "spans.0.attributes" },
  },
  // Content is stored, made storable.
  {
    name: "input text with NUL is stored without it",
    call: (f) => postTraces(f, trace({ id: normalisedIds.input, input: `Where${nul} is it?` })),
    expect: { stored: async (db, f) => (await storedTrace(db, f, normalisedIds.input))?.input, toEqual: "Where is it?" },
  },
  {
    name: "a chat answer cut inside a surrogate pair is stored with U+FFFD",
    call: (f) => postTraces(f, trace({ id: normalisedIds.output, output: [{ role: "assistant", content: `Done 😀${"😀".slice(0, 1)}` }] })),
    expect: {
      stored: async (db, f) => (await storedTrace(db, f, normalisedIds.output))?.output,
      toEqual: [{ role: "assistant", content: "Done 😀\ufffd" }],
    },
  },
  {
    name: "metadata keys and values with NUL and lone surrogates are normalised",
    call: (f) => postTraces(f, trace({ id: normalisedIds.metadata, metadata: { [`k${nul}`]: [`v${loneSurrogate}`, { deep: nul }] } })),
    expect: {
      stored: async (db, f) => (await storedTrace(db, f, normalisedIds.metadata))?.metadata,
      toEqual: { k: ["v\ufffd", { deep: "" }] },
    },
  },
  {
    name: "an error text with NUL is stored without it",
    call: (f) => postTraces(f, trace({ id: normalisedIds.error, status: "error", error: `boom${nul}` })),
    expect: { stored: async (db, f) => (await storedTrace(db, f, normalisedIds.error))?.error, toEqual: "boom" },
  },
  {
    name: "a prompt template with a lone surrogate is stored with U+FFFD",
    call: (f) => postTraces(f, trace({ id: normalisedIds.template, promptTemplate: `Hi ${loneSurrogate}` })),
    expect: { stored: async (db, f) => (await storedTrace(db, f, normalisedIds.template))?.promptTemplate, toEqual: "Hi \ufffd" },
  },

  // GET /api/v1/traces/{id}
  { name: "GET /traces/%00", call: (f) => ({ handler: traceById.GET, key: f.secretKey, params: { id: nul } }), expect: { refused: 404 } },
  {
    name: "GET /traces/ with a lone surrogate",
    call: (f) => ({ handler: traceById.GET, key: f.secretKey, params: { id: `a${loneSurrogate}` } }),
    expect: { refused: 404 },
  },

  // GET /api/v1/traces filters
  { name: "traces ?model=%00", call: (f) => listTraces(f, { model: nul }), expect: { refused: 400, field: "model" } },
  { name: "traces ?release=%00", call: (f) => listTraces(f, { release: `r${nul}` }), expect: { refused: 400, field: "release" } },
  {
    name: "traces ?promptVersion=%00",
    call: (f) => listTraces(f, { promptVersion: nul }),
    expect: { refused: 400, field: "promptVersion" },
  },
  { name: "traces ?userId=%00", call: (f) => listTraces(f, { userId: nul }), expect: { refused: 400, field: "userId" } },
  { name: "traces ?sessionId=%00", call: (f) => listTraces(f, { sessionId: nul }), expect: { refused: 400, field: "sessionId" } },
  { name: "traces ?q=%00", call: (f) => listTraces(f, { q: `a${nul}` }), expect: { refused: 400, field: "q" } },
  {
    name: "traces ?from=0000-01-01",
    call: (f) => listTraces(f, { from: "0000-01-01T00:00:00Z" }),
    expect: { refused: 400, field: "from" },
  },
  { name: "traces ?to past 9999", call: (f) => listTraces(f, { to: "9999-12-31T23:59:59-01:00" }), expect: { refused: 400, field: "to" } },
  {
    name: "traces cursor holding year 0000",
    call: (f) => listTraces(f, { cursor: cursorOf({ startTime: "0000-01-01T00:00:00Z", id: "a" }) }),
    expect: { refused: 400 },
  },
  {
    name: "traces cursor holding an id with NUL",
    call: (f) => listTraces(f, { cursor: cursorOf({ startTime: "2026-01-01T00:00:00Z", id: nul }) }),
    expect: { refused: 400 },
  },
  { name: "traces ?cursor=%00", call: (f) => listTraces(f, { cursor: nul }), expect: { refused: 400, field: "cursor" } },
  { name: "traces ?limit=1e308", call: (f) => listTraces(f, { limit: "1e308" }), expect: { refused: 400, field: "limit" } },

  // GET /api/v1/metrics
  {
    name: "metrics from year 0000",
    call: (f) => ({ handler: metrics.GET, key: f.secretKey, query: { from: "0000-01-01T00:00:00Z", to: "0000-01-02T00:00:00Z" } }),
    expect: { refused: 400, field: "from" },
  },
  {
    name: "metrics ?from=%00",
    call: (f) => ({ handler: metrics.GET, key: f.secretKey, query: { from: nul, to: "2026-01-01T00:00:00Z" } }),
    expect: { refused: 400, field: "from" },
  },

  // GET /api/v1/review-items filters
  { name: "review items ?traceId=%00", call: (f) => listReview(f, { traceId: nul }), expect: { refused: 400, field: "traceId" } },
  { name: "review items ?category=%00", call: (f) => listReview(f, { category: nul }), expect: { refused: 400, field: "category" } },
  { name: "review items ?model=%00", call: (f) => listReview(f, { model: nul }), expect: { refused: 400, field: "model" } },
  { name: "review items ?release=%00", call: (f) => listReview(f, { release: nul }), expect: { refused: 400, field: "release" } },
  {
    name: "review items ?from=0000",
    call: (f) => listReview(f, { from: "0000-01-01T00:00:00Z" }),
    expect: { refused: 400, field: "from" },
  },

  // POST /api/v1/otel/v1/traces
  {
    name: "OTLP/JSON attribute values nested 5 000 deep",
    call: (f) => {
      let value = '{"stringValue":"leaf"}';
      for (let i = 0; i < hostileDepth; i++) value = `{"kvlistValue":{"values":[{"key":"k","value":${value}}]}}`;
      return {
        handler: otlp.POST,
        key: f.secretKey,
        body: JSON.stringify(otlpJson({ attributes: [{ key: "deep", value: "__value__" }] })).replace('"__value__"', value),
      };
    },
    expect: { refused: 400 },
  },
  {
    name: "OTLP/JSON span name with NUL",
    call: (f) => ({ handler: otlp.POST, key: f.secretKey, body: JSON.stringify(otlpJson({ name: `chat${nul}` })) }),
    expect: { otlpRejected: "name", encoding: "json" },
  },
  {
    name: "OTLP/JSON start time past what a date holds",
    call: (f) => ({
      handler: otlp.POST,
      key: f.secretKey,
      body: JSON.stringify(otlpJson({ startTimeUnixNano: "99999999999999999999999999", endTimeUnixNano: "99999999999999999999999999" })),
    }),
    expect: { otlpRejected: "startTime", encoding: "json" },
  },
  {
    name: "OTLP/JSON model attribute with NUL",
    call: (f) => ({
      handler: otlp.POST,
      key: f.secretKey,
      body: JSON.stringify(otlpJson({ attributes: [{ key: "gen_ai.request.model", value: { stringValue: `gpt${nul}` } }] })),
    }),
    expect: { otlpRejected: "model", encoding: "json" },
  },
  {
    name: "OTLP/JSON token count above int4",
    call: (f) => ({
      handler: otlp.POST,
      key: f.secretKey,
      body: JSON.stringify(
        otlpJson({
          attributes: [
            { key: "gen_ai.request.model", value: { stringValue: "gpt-4o" } },
            { key: "gen_ai.usage.input_tokens", value: { intValue: "99999999999" } },
          ],
        }),
      ),
    }),
    expect: { otlpRejected: "inputTokens", encoding: "json" },
  },
  {
    name: "OTLP/JSON attribute key and value with NUL and a lone surrogate are normalised",
    call: (f) => ({
      handler: otlp.POST,
      key: f.secretKey,
      body: JSON.stringify(
        otlpJson({ attributes: [{ key: `note${nul}`, value: { stringValue: `x${loneSurrogate}` } }] }, normalisedIds.otlpTrace),
      ),
    }),
    expect: {
      stored: async (db, f) =>
        (
          await db.span.findFirst({
            where: { projectId: f.projectId, traceId: normalisedIds.otlpTrace },
            select: { attributes: true },
          })
        )?.attributes,
      toEqual: expect.objectContaining({ note: "x\ufffd" }),
    },
  },
  {
    name: "OTLP/JSON messages attribute holding JSON 5 000 deep is kept as text",
    call: (f) => ({
      handler: otlp.POST,
      key: f.secretKey,
      body: JSON.stringify(
        otlpJson(
          {
            attributes: [
              { key: "gen_ai.operation.name", value: { stringValue: "chat" } },
              { key: "gen_ai.input.messages", value: { stringValue: `${"[".repeat(hostileDepth)}${"]".repeat(hostileDepth)}` } },
            ],
          },
          normalisedIds.otlpMessages,
        ),
      ),
    }),
    expect: {
      stored: async (db, f) =>
        (
          await db.trace.findUnique({
            where: { projectId_id: { projectId: f.projectId, id: normalisedIds.otlpMessages } },
            select: { input: true },
          })
        )?.input,
      toEqual: [{ role: "user", content: `${"[".repeat(hostileDepth)}${"]".repeat(hostileDepth)}` }],
    },
  },
  {
    name: "OTLP protobuf AnyValue nested 5 000 deep",
    call: (f) => ({
      handler: otlp.POST,
      key: f.secretKey,
      body: otlpProtobuf({ attributeValue: nestedAnyValue(hostileDepth) }),
      contentType: "application/x-protobuf",
    }),
    expect: { refused: 400 },
  },
  {
    name: "OTLP protobuf span name with NUL",
    call: (f) => ({ handler: otlp.POST, key: f.secretKey, body: otlpProtobuf({ name: `a${nul}` }), contentType: "application/x-protobuf" }),
    expect: { otlpRejected: "name", encoding: "protobuf" },
  },
  {
    name: "OTLP protobuf span ending 584 years after it started",
    call: (f) => ({
      handler: otlp.POST,
      key: f.secretKey,
      body: otlpProtobuf({ endNanos: 2n ** 64n - 1n }),
      contentType: "application/x-protobuf",
    }),
    expect: { otlpRejected: "endTime", encoding: "protobuf" },
  },

  // POST /api/v1/feedback (public key from the browser)
  {
    name: "feedback id with NUL",
    call: (f) => postFeedback(f, JSON.stringify({ events: [feedbackEvent({ id: `a${nul}` })] })),
    expect: { rejectedItem: "id" },
  },
  {
    name: "feedback traceId with a lone surrogate",
    call: (f) => postFeedback(f, JSON.stringify({ events: [feedbackEvent({ traceId: loneSurrogate })] })),
    expect: { rejectedItem: "traceId" },
  },
  {
    name: "feedback sessionId with NUL",
    call: (f) => postFeedback(f, JSON.stringify({ events: [feedbackEvent({ sessionId: nul })] })),
    expect: { rejectedItem: "sessionId" },
  },
  {
    name: "feedback userId with NUL",
    call: (f) => postFeedback(f, JSON.stringify({ events: [feedbackEvent({ userId: `u${nul}` })] })),
    expect: { rejectedItem: "userId" },
  },
  {
    name: "feedback reason with NUL",
    call: (f) =>
      postFeedback(f, JSON.stringify({ events: [feedbackEvent({ type: "reasons", value: undefined, reasons: [`Wrong${nul}`] })] })),
    expect: { rejectedItem: "reasons.0" },
  },
  {
    name: "report category with a lone surrogate",
    call: (f) =>
      postFeedback(f, JSON.stringify({ events: [feedbackEvent({ type: "report", value: undefined, category: loneSurrogate })] })),
    expect: { rejectedItem: "category" },
  },
  {
    name: "feedback token with NUL",
    call: (f) => postFeedback(f, JSON.stringify({ events: [feedbackEvent({ feedbackToken: nul })] })),
    expect: { rejectedItem: "feedbackToken" },
  },
  {
    name: "feedback in year 0000",
    call: (f) => postFeedback(f, JSON.stringify({ events: [feedbackEvent({ timestamp: "0000-01-01T00:00:00Z" })] })),
    expect: { rejectedItem: "timestamp" },
  },
  {
    name: "feedback metadata nested 5 000 deep",
    call: (f) => postFeedback(f, withDeepJson({ events: [feedbackEvent({ metadata: { x: "__deep__" } })] })),
    expect: { rejectedItem: "metadata" },
  },
  {
    name: "feedback rating 1e308",
    call: (f) => postFeedback(f, JSON.stringify({ events: [feedbackEvent({ type: "rating", value: 1e308 })] })),
    expect: { rejectedItem: "value" },
  },
  {
    name: "a comment with NUL and a lone surrogate is stored normalised",
    call: (f) =>
      postFeedback(
        f,
        JSON.stringify({
          events: [feedbackEvent({ id: normalisedIds.comment, type: "comment", value: undefined, comment: `bad${nul} ${loneSurrogate}` })],
        }),
      ),
    expect: {
      stored: async (db, f) =>
        (await db.feedbackEvent.findFirst({ where: { projectId: f.projectId, id: normalisedIds.comment }, select: { comment: true } }))
          ?.comment,
      toEqual: "bad \ufffd",
    },
  },
  {
    name: "feedback metadata with a lone surrogate is stored with U+FFFD",
    call: (f) =>
      postFeedback(
        f,
        JSON.stringify({ events: [feedbackEvent({ id: normalisedIds.feedbackMetadata, metadata: { page: `/a${loneSurrogate}` } })] }),
      ),
    expect: {
      stored: async (db, f) =>
        (
          await db.feedbackEvent.findFirst({
            where: { projectId: f.projectId, id: normalisedIds.feedbackMetadata },
            select: { metadata: true },
          })
        )?.metadata,
      toEqual: { page: "/a\ufffd" },
    },
  },
  // GET /api/v1/feedback and POST /api/v1/feedback-tokens
  {
    name: "feedback list ?traceId=%00",
    call: (f) => ({ handler: feedback.GET, key: f.secretKey, query: { traceId: nul } }),
    expect: { refused: 400, field: "traceId" },
  },
  {
    name: "feedback tokens for a trace id with NUL",
    call: (f) => ({ handler: feedbackTokens.POST, key: f.secretKey, body: JSON.stringify({ traceIds: ["ok", `a${nul}`] }) }),
    expect: { refused: 400, field: "traceIds" },
  },
  {
    name: "feedback tokens for a trace id with a lone surrogate",
    call: (f) => ({ handler: feedbackTokens.POST, key: f.secretKey, body: JSON.stringify({ traceIds: [loneSurrogate] }) }),
    expect: { refused: 400, field: "traceIds" },
  },

  // POST /api/v1/datasets/{name}/items and /versions
  {
    name: "dataset item id with NUL",
    call: (f) => postItems(f, JSON.stringify({ items: [datasetItem({ id: nul })] })),
    expect: { rejectedItem: "id" },
  },
  {
    name: "dataset item category with NUL",
    call: (f) => postItems(f, JSON.stringify({ items: [datasetItem({ category: `c${nul}` })] })),
    expect: { rejectedItem: "category" },
  },
  {
    name: "dataset item severity with a lone surrogate",
    call: (f) => postItems(f, JSON.stringify({ items: [datasetItem({ severity: loneSurrogate })] })),
    expect: { rejectedItem: "severity" },
  },
  {
    name: "dataset item metadata nested 5 000 deep",
    call: (f) => postItems(f, withDeepJson({ items: [datasetItem({ metadata: { x: "__deep__" } })] })),
    expect: { rejectedItem: "metadata" },
  },
  {
    name: "dataset expected output with NUL is stored without it",
    call: (f) =>
      postItems(f, JSON.stringify({ items: [datasetItem({ id: normalisedIds.expected, expectedOutput: `Ships${nul} today` })] })),
    expect: {
      stored: async (db, f) =>
        (
          await db.datasetItem.findFirst({
            where: { projectId: f.projectId, externalId: normalisedIds.expected },
            select: { expectedOutput: true },
          })
        )?.expectedOutput,
      toEqual: "Ships today",
    },
  },
  {
    name: "dataset message content with a lone surrogate is stored with U+FFFD",
    call: (f) =>
      postItems(
        f,
        JSON.stringify({ items: [datasetItem({ id: normalisedIds.message, input: [{ role: "user", content: `Hi${loneSurrogate}` }] })] }),
      ),
    expect: {
      stored: async (db, f) =>
        (await db.datasetItem.findFirst({ where: { projectId: f.projectId, externalId: normalisedIds.message }, select: { input: true } }))
          ?.input,
      toEqual: [{ role: "user", content: "Hi\ufffd" }],
    },
  },
  {
    name: "dataset name with NUL",
    call: (f) => postItems(f, JSON.stringify({ items: [datasetItem()] }), `golden${nul}`),
    expect: { refused: 400 },
  },
  {
    name: "publishing a dataset named with NUL",
    call: (f) => ({ handler: datasetVersions.POST, method: "POST", key: f.secretKey, params: { name: nul } }),
    expect: { refused: 400 },
  },
  {
    name: "publishing with ?testRatio=1e308",
    call: (f) => ({
      handler: datasetVersions.POST,
      method: "POST",
      key: f.secretKey,
      params: { name: "golden" },
      query: { testRatio: "1e308" },
    }),
    expect: { refused: 400, field: "testRatio" },
  },

  // Review annotations, rules and adjudication (signed-in owner)
  {
    name: "annotation category with NUL",
    call: (f) =>
      asSession(
        annotation.PUT,
        "PUT",
        { projectId: f.projectId, itemId: randomUUID() },
        { category: `x${nul}`, severity: "high", decision: "dismiss" },
      ),
    expect: { refused: 400, field: "category" },
  },
  {
    name: "annotation dataset name with NUL",
    call: (f) =>
      asSession(
        annotation.PUT,
        "PUT",
        { projectId: f.projectId, itemId: randomUUID() },
        { category: "other", severity: "high", decision: "good_example", datasetName: `g${nul}` },
      ),
    expect: { refused: 400, field: "datasetName" },
  },
  {
    name: "annotation severity with NUL",
    call: (f) =>
      asSession(
        annotation.PUT,
        "PUT",
        { projectId: f.projectId, itemId: randomUUID() },
        { category: "other", severity: `high${nul}`, decision: "dismiss" },
      ),
    expect: { refused: 400, field: "severity" },
  },
  {
    name: "review rules with a failure category holding NUL",
    call: (f) => asSession(reviewRules.PATCH, "PATCH", { projectId: f.projectId }, { failureCategories: ["other", `bad${nul}`] }),
    expect: { refused: 400, field: "failureCategories" },
  },
  {
    name: "review rules with a failure category holding a lone surrogate",
    call: (f) => asSession(reviewRules.PATCH, "PATCH", { projectId: f.projectId }, { failureCategories: [loneSurrogate] }),
    expect: { refused: 400, field: "failureCategories" },
  },
  {
    name: "adjudication category with NUL",
    call: (f) => asSession(adjudication.PUT, "PUT", { projectId: f.projectId, itemId: randomUUID() }, { category: nul }),
    expect: { refused: 400, field: "category" },
  },

  // Projects, keys, members, model prices (signed-in owner)
  {
    name: "project name with NUL",
    call: () => asSession(projects.POST, "POST", {}, { name: `Shop${nul}` }),
    expect: { refused: 400, field: "name" },
  },
  {
    name: "renaming a project with a lone surrogate",
    call: (f) => asSession(project.PATCH, "PATCH", { projectId: f.projectId }, { name: `Shop${loneSurrogate}` }),
    expect: { refused: 400, field: "name" },
  },
  {
    name: "API key name with NUL",
    call: (f) => asSession(apiKeys.POST, "POST", { projectId: f.projectId }, { kind: "public", name: `web${nul}` }),
    expect: { refused: 400, field: "name" },
  },
  {
    name: "API key origin with NUL",
    call: (f) =>
      asSession(
        apiKeys.POST,
        "POST",
        { projectId: f.projectId },
        { kind: "public", name: "web", allowedOrigins: [`https://a.test${nul}`] },
      ),
    expect: { refused: 400, field: "allowedOrigins" },
  },
  {
    name: "member role with NUL",
    call: (f) => asSession(member.PATCH, "PATCH", { projectId: f.projectId, memberId: f.memberId }, { role: `owner${nul}` }),
    expect: { refused: 400, field: "role" },
  },
  {
    name: "member id %00",
    call: (f) => asSession(member.PATCH, "PATCH", { projectId: f.projectId, memberId: nul }, { role: "viewer" }),
    expect: { refused: 404 },
  },
  {
    name: "model price pattern with NUL",
    call: (f) =>
      asSession(
        modelPrices.POST,
        "POST",
        { projectId: f.projectId },
        { modelPattern: `gpt${nul}`, inputPerMillionUsd: 1, outputPerMillionUsd: 2, effectiveFrom: "2026-01-01T00:00:00Z" },
      ),
    expect: { refused: 400, field: "modelPattern" },
  },
  {
    name: "model price effective from year 0000",
    call: (f) =>
      asSession(
        modelPrices.POST,
        "POST",
        { projectId: f.projectId },
        { modelPattern: "gpt-4o", inputPerMillionUsd: 1, outputPerMillionUsd: 2, effectiveFrom: "0000-01-01T00:00:00Z" },
      ),
    expect: { refused: 400, field: "effectiveFrom" },
  },
  {
    name: "model price of 1e308 per million tokens",
    call: (f) =>
      asSession(
        modelPrices.POST,
        "POST",
        { projectId: f.projectId },
        { modelPattern: "gpt-4o", inputPerMillionUsd: 1e308, outputPerMillionUsd: 2, effectiveFrom: "2026-01-01T00:00:00Z" },
      ),
    expect: { refused: 400, field: "inputPerMillionUsd" },
  },
];

// Every table a request could write to: row counts, and the rows themselves where a
// refused update could change them. (api_keys only by count: using a key stamps lastUsedAt.)
const hashedTables = [
  "projects",
  "memberships",
  "users",
  "traces",
  "spans",
  "feedback_events",
  "review_rules",
  "review_items",
  "annotations",
  "datasets",
  "dataset_items",
  "dataset_versions",
  "model_prices",
];

async function snapshot(database: Database): Promise<Record<string, string>> {
  const rows = await database.$queryRawUnsafe<{ name: string; state: string }[]>(
    [
      "SELECT 'api_keys' AS name, count(*)::text AS state FROM api_keys",
      ...hashedTables.map(
        (table) =>
          `SELECT '${table}', count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM ${table} t`,
      ),
    ].join(" UNION ALL "),
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.state]));
}

interface BatchAnswer {
  rejected: { status: number; message: string }[];
}

describe("the hostile-input corpus", () => {
  it("covers every write endpoint and list filter with at least 60 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });
});

describe.each(await testDatabaseKinds())("hostile input on %s", (kind) => {
  const test = useTestDatabase(kind);
  let fixture: Fixture;

  beforeAll(async () => {
    harness.database = test.database;
    const created = await createProjectWithKeys(test.database, { allowedOrigins: [origin] });
    const viewer = await addMemberWithRole(test.database, created.project.id, "viewer");
    const membership = await test.database.membership.findFirstOrThrow({
      where: { projectId: created.project.id, userId: viewer.id },
      select: { id: true },
    });
    harness.session = { id: created.owner.id, email: created.owner.email, name: null, isInstanceAdmin: true, sessionId: randomUUID() };
    fixture = {
      projectId: created.project.id,
      publicKey: created.publicKey.key,
      secretKey: created.secretKey.key,
      memberId: membership.id,
    };
  });

  it("answers console lookups of ids from the URL with NUL or a lone surrogate as not found", async () => {
    for (const id of [nul, `a${loneSurrogate}`]) {
      await expect(getTrace(test.database, fixture.projectId, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(sessionConversation(test.database, fixture.projectId, id)).rejects.toBeInstanceOf(NotFoundError);
      expect(await findTraceId(test.database, fixture.projectId, id)).toBeNull();
    }
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, hostile) => {
    harness.database = test.database;
    const before = await snapshot(test.database);
    const response = await send(hostile.call(fixture));
    const expectation = hostile.expect;
    if ("stored" in expectation) {
      expect([200, 201]).toContain(response.status);
      const answer = response.headers.get("content-type")?.includes("json") ? ((await response.json()) as Partial<BatchAnswer>) : {};
      expect(answer.rejected ?? []).toEqual([]);
      expect(await expectation.stored(test.database, fixture)).toEqual(expectation.toEqual);
      return;
    }
    if ("refused" in expectation) {
      expect(response.status).toBe(expectation.refused);
      const problem = (await response.json()) as { status: number; errors?: { path: (string | number)[] }[] };
      expect(problem.status).toBe(expectation.refused);
      if (expectation.field) expect(problem.errors?.map((error) => error.path[0])).toContain(expectation.field);
    } else if ("rejectedItem" in expectation) {
      expect(response.status).toBe(207);
      const answer = (await response.json()) as BatchAnswer;
      expect(answer.rejected).toHaveLength(1);
      expect(answer.rejected[0]?.status).toBe(400);
      expect(answer.rejected[0]?.message).toContain(`${expectation.rejectedItem}: `);
    } else {
      expect(response.status).toBe(200);
      if (expectation.encoding === "json") {
        const answer = (await response.json()) as { partialSuccess?: { rejectedSpans: number; errorMessage: string } };
        expect(answer.partialSuccess?.rejectedSpans).toBe(1);
        expect(answer.partialSuccess?.errorMessage).toContain(expectation.otlpRejected);
      } else {
        // A partial success is field 1 of the response; its error message names the field.
        const bytes = Buffer.from(await response.arrayBuffer());
        expect(bytes[0]).toBe(0x0a);
        expect(bytes.toString("utf8")).toContain(expectation.otlpRejected);
      }
    }
    expect(await snapshot(test.database)).toEqual(before);
  });
});
