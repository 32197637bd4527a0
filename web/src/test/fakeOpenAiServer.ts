import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A tool call as the wire carries it (OpenAI's shape). Written out rather than imported from
 * the contracts: the e2e project compiles this file too, without the web project's "@/" paths.
 */
interface ToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

/**
 * A real HTTP server on 127.0.0.1 speaking the OpenAI Chat Completions and Embeddings
 * protocols (`POST /v1/chat/completions`, `POST /v1/embeddings`), with scripted answers:
 * tests reach it the way the product reaches a hosted model, through fetch and a socket.
 * Start it from a test or a plain Node script with `startFakeOpenAiServer(options)`.
 */

/** What the fake does with one request. */
export type FakeReply =
  | {
      kind: "answer";
      /** The assistant message's content (chat) — ignored for embeddings; "" beside tool calls sends content null. */
      text: string;
      /** Tool calls the assistant message makes. */
      toolCalls?: ToolCall[];
      model?: string;
      /** Token counts reported; by default the words of the prompt and of the answer; null leaves usage out. */
      usage?: { prompt_tokens: number; completion_tokens: number } | null;
      delayMs?: number;
    }
  | { kind: "embeddings"; order?: "as_asked" | "reversed"; delayMs?: number }
  | { kind: "status"; status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }
  /** Accepts the request and never answers (until the server closes). */
  | { kind: "hang" }
  /** Any body at all, e.g. an HTML error page with status 200. */
  | { kind: "raw"; body: string; status?: number; contentType?: string };

export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
}

export interface FakeChatRequestBody {
  model: string;
  /** Text messages (judges and the demo send only those); a dataset conversation may also hold tool calls with content null. */
  messages: { role: string; content: string }[];
  temperature?: number;
  response_format?: { type: string; json_schema?: { name: string; schema: unknown } };
}

export interface FakeOpenAiServerOptions {
  /** When set, a request without `Authorization: Bearer <apiKey>` gets 401 as OpenAI answers it. */
  apiKey?: string | undefined;
  /** The reply to a chat request when nothing is queued; by default a judge's verdict of score 1. */
  chat?: ((request: FakeChatRequestBody) => FakeReply) | undefined;
  /** Response formats the fake pretends not to support: it answers 400 naming `response_format`. */
  unsupportedFormats?: ("json_schema" | "json_object")[] | undefined;
  /** Pretend to be a reasoning model: any temperature but 1 gets the 400 OpenAI gives o1/gpt-5. */
  defaultTemperatureOnly?: boolean | undefined;
  /** Length of the vectors /v1/embeddings returns (default 8). */
  embeddingDimensions?: number | undefined;
}

export interface FakeOpenAiServer {
  /** Base URL including /v1, as a user would configure it. */
  url: string;
  requests: RecordedRequest[];
  /** Chat requests only, parsed. */
  chatRequests(): FakeChatRequestBody[];
  /** Replies for the next chat requests, in order; then the default applies again. */
  enqueueChat(...replies: FakeReply[]): void;
  enqueueEmbeddings(...replies: FakeReply[]): void;
  /** Resolves once this many requests (of any kind) have arrived. */
  waitForRequests(count: number): Promise<void>;
  close(): Promise<void>;
}

export const defaultFakeJudgeAnswer = JSON.stringify({ reasoning: "The fake judge found nothing wrong.", score: 1 });

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * The vector the fake gives a text: deterministic, so a test can compute what to expect.
 * Component i is ((sum of the UTF-16 code units) * (i + 1)) mod 97 / 97.
 */
export function fakeEmbedding(text: string, dimensions: number): number[] {
  let sum = 0;
  for (let index = 0; index < text.length; index += 1) sum += text.charCodeAt(index);
  return Array.from({ length: dimensions }, (_, index) => ((sum * (index + 1)) % 97) / 97);
}

function isChatBody(body: unknown): body is FakeChatRequestBody {
  return typeof body === "object" && body !== null && Array.isArray((body as { messages?: unknown }).messages);
}

/** A base URL on which nothing listens: a port that was just free, for "endpoint down" tests. */
export async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  return `http://127.0.0.1:${port}/v1`;
}

export async function startFakeOpenAiServer(options: FakeOpenAiServerOptions = {}): Promise<FakeOpenAiServer> {
  const requests: RecordedRequest[] = [];
  const chatQueue: FakeReply[] = [];
  const embeddingsQueue: FakeReply[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const dimensions = options.embeddingDimensions ?? 8;

  const send = (response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
  const openAiError = (message: string, type: string, param: string | null = null) => ({ error: { message, type, param, code: null } });

  const later = (delayMs: number | undefined, action: () => void) => {
    if (!delayMs) {
      action();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, delayMs);
    timers.add(timer);
  };

  const reply = (response: http.ServerResponse, planned: FakeReply, body: unknown) => {
    switch (planned.kind) {
      case "hang":
        return;
      case "raw":
        response.writeHead(planned.status ?? 200, { "content-type": planned.contentType ?? "text/html" }).end(planned.body);
        return;
      case "status":
        later(planned.delayMs, () =>
          send(response, planned.status, planned.body ?? openAiError(`Fake status ${planned.status}`, "server_error"), planned.headers),
        );
        return;
      case "embeddings": {
        const input = (body as { input?: unknown }).input;
        const texts = Array.isArray(input) ? input.map(String) : [String(input)];
        const data = texts.map((text, index) => ({ object: "embedding", index, embedding: fakeEmbedding(text, dimensions) }));
        if (planned.order === "reversed") data.reverse();
        const model = (body as { model?: unknown }).model;
        later(planned.delayMs, () =>
          send(response, 200, {
            object: "list",
            data,
            model,
            usage: { prompt_tokens: texts.reduce((n, t) => n + words(t), 0), total_tokens: 0 },
          }),
        );
        return;
      }
      case "answer": {
        const chat = isChatBody(body) ? body : { model: "unknown", messages: [] };
        const usage =
          planned.usage === undefined
            ? {
                prompt_tokens: chat.messages.reduce(
                  (n, message) => n + words(typeof message.content === "string" ? message.content : ""),
                  0,
                ),
                completion_tokens: words(planned.text),
              }
            : planned.usage;
        later(planned.delayMs, () =>
          send(response, 200, {
            id: `chatcmpl-fake-${requests.length}`,
            object: "chat.completion",
            created: 1_764_000_000,
            model: planned.model ?? chat.model,
            choices: [
              {
                index: 0,
                message: planned.toolCalls
                  ? { role: "assistant", content: planned.text || null, tool_calls: planned.toolCalls }
                  : { role: "assistant", content: planned.text },
                finish_reason: planned.toolCalls ? "tool_calls" : "stop",
              },
            ],
            ...(usage ? { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } } : {}),
          }),
        );
        return;
      }
    }
  };

  const server = http.createServer((request, response) => {
    let text = "";
    request.on("data", (chunk: Buffer) => (text += chunk.toString()));
    request.on("end", () => {
      let body: unknown = text;
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        // Kept as text in the record.
      }
      const path = request.url ?? "";
      requests.push({ path, authorization: request.headers.authorization, body });
      for (const waiter of waiters.filter((w) => requests.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      if (options.apiKey !== undefined && request.headers.authorization !== `Bearer ${options.apiKey}`) {
        send(response, 401, openAiError("Incorrect API key provided.", "invalid_request_error"));
        return;
      }
      if (request.method !== "POST" || (path !== "/v1/chat/completions" && path !== "/v1/embeddings")) {
        send(response, 404, openAiError(`Unknown request URL: ${request.method ?? ""} ${path}`, "invalid_request_error"));
        return;
      }
      if (path === "/v1/embeddings") {
        reply(response, embeddingsQueue.shift() ?? { kind: "embeddings" }, body);
        return;
      }
      if (!isChatBody(body)) {
        send(response, 400, openAiError("We could not parse the JSON body of your request.", "invalid_request_error"));
        return;
      }
      const format = body.response_format?.type;
      if ((format === "json_schema" || format === "json_object") && options.unsupportedFormats?.includes(format)) {
        const message = `Invalid parameter: 'response_format' of type '${format}' is not supported with this model.`;
        send(response, 400, openAiError(message, "invalid_request_error", "response_format"));
        return;
      }
      if (options.defaultTemperatureOnly && body.temperature !== undefined && body.temperature !== 1) {
        const message = `Unsupported value: 'temperature' does not support ${body.temperature} with this model. Only the default (1) value is supported.`;
        send(response, 400, openAiError(message, "invalid_request_error", "temperature"));
        return;
      }
      reply(response, chatQueue.shift() ?? options.chat?.(body) ?? { kind: "answer", text: defaultFakeJudgeAnswer }, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => r.path === "/v1/chat/completions").flatMap((r) => (isChatBody(r.body) ? [r.body] : [])),
    enqueueChat: (...replies) => void chatQueue.push(...replies),
    enqueueEmbeddings: (...replies) => void embeddingsQueue.push(...replies),
    waitForRequests: (count) =>
      requests.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        // Hanging requests would keep close() waiting forever.
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
