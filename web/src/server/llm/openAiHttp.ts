import { LlmCallError, type LlmFailureKind } from "@/server/llm/llmCallError";
import { OutboundUrlRefusedError } from "@/server/http/outboundUrls";

/** Where an OpenAI-compatible API lives: its base URL (…/v1) and, when it wants one, a bearer key. */
export interface OpenAiEndpoint {
  baseUrl: string;
  apiKey?: string | undefined;
}

/** What the HTTP plumbing takes from outside, so tests control the network and the clock. */
export interface OpenAiHttpDependencies {
  fetch?: typeof fetch | undefined;
  /** Milliseconds since the epoch; latency and Retry-After dates are measured with it. */
  now?: (() => number) | undefined;
}

export interface OpenAiRequestOptions {
  timeoutMs: number;
  /** The caller's own cancellation (e.g. a job being stopped); a timeout is added to it. */
  signal?: AbortSignal | undefined;
}

export interface OpenAiJsonAnswer {
  status: number;
  body: unknown;
  text: string;
  latencyMs: number;
}

export function endpointUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/${path}`;
}

/**
 * The wait an endpoint asks for: OpenAI sends `retry-after-ms`; RFC 9110 `Retry-After`
 * is seconds or an HTTP date. Unreadable values are ignored (our own backoff applies).
 */
export function retryAfterMs(headers: Headers, nowMs: number): number | undefined {
  const milliseconds = Number(headers.get("retry-after-ms") ?? Number.NaN);
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function failureKindOf(status: number): LlmFailureKind {
  if (status === 429) return "rate_limited";
  // 408 is the server giving up on a slow request: as transient as a 5xx.
  if (status >= 500 || status === 408) return "server";
  return "client";
}

/** The error message an OpenAI-style error body carries (`{"error":{"message":…}}`), else the start of the body. */
function errorMessageOf(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
    const message = typeof body.error === "string" ? body.error : (body.error?.message ?? body.message);
    if (typeof message === "string" && message) return message;
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return text.slice(0, 300);
}

/**
 * One `POST {baseUrl}/{path}` with a JSON body, answered with JSON. Every failure is an
 * `LlmCallError` that says whether retrying may help; a caller's own abort is rethrown as is.
 */
export async function postOpenAiJson(
  endpoint: OpenAiEndpoint,
  path: string,
  payload: unknown,
  options: OpenAiRequestOptions,
  dependencies: OpenAiHttpDependencies = {},
): Promise<OpenAiJsonAnswer> {
  const now = dependencies.now ?? Date.now;
  const doFetch = dependencies.fetch ?? fetch;
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const url = endpointUrl(endpoint.baseUrl, path);
  const started = now();
  let response: Response;
  let text: string;
  try {
    response = await doFetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {}) },
      body: JSON.stringify(payload),
      signal,
    });
    // The timeout covers the body too: a server may send headers and then stall.
    text = await response.text();
  } catch (error) {
    const latencyMs = now() - started;
    if (options.signal?.aborted) throw error;
    if (error instanceof OutboundUrlRefusedError)
      throw new LlmCallError(`${url} is not called: ${error.message}`, { kind: "refused", latencyMs });
    if (timeout.aborted) {
      throw new LlmCallError(`${url} did not answer within ${options.timeoutMs} ms`, { kind: "timeout", latencyMs });
    }
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    throw new LlmCallError(`${url} could not be reached (${String(error)}${cause})`, { kind: "network", latencyMs });
  }
  const latencyMs = now() - started;
  if (!response.ok) {
    const kind = failureKindOf(response.status);
    throw new LlmCallError(`${url} answered HTTP ${response.status}: ${errorMessageOf(text)}`, {
      kind,
      status: response.status,
      retryAfterMs: retryAfterMs(response.headers, now()),
      responseText: text,
      latencyMs,
    });
  }
  try {
    return { status: response.status, body: JSON.parse(text) as unknown, text, latencyMs };
  } catch {
    throw new LlmCallError(`${url} answered HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`, {
      kind: "bad_body",
      status: response.status,
      responseText: text,
      latencyMs,
    });
  }
}
