import type { z } from "zod";
import { problemSchema } from "@/contracts/common";
import { backoffDelayMs } from "@/server/evaluation/judge/judgeBackoff";
import { retryAfterMs } from "@/server/llm/openAiHttp";

/**
 * Liveloop cannot be used as configured: unreachable, the key refused, the dataset or run
 * unknown, or an answer that is not Liveloop's. The command exits 2: nothing was judged.
 */
export class LiveloopConnectionError extends Error {
  override readonly name = "LiveloopConnectionError";
  /** The HTTP status Liveloop answered with, when it answered at all. */
  readonly status: number | undefined;

  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

export type LiveloopMethod = "GET" | "POST" | "PATCH";

export interface LiveloopApiSettings {
  baseUrl: string;
  secretKey: string;
  /** Tries per request, the first included; only network errors, 429 and 5xx are retried. */
  attempts?: number | undefined;
  timeoutMs?: number | undefined;
}

export interface LiveloopApiDependencies {
  fetch?: typeof fetch | undefined;
  sleep?: ((ms: number) => Promise<void>) | undefined;
  random?: (() => number) | undefined;
  now?: (() => number) | undefined;
}

export interface LiveloopAnswer {
  status: number;
  text: string;
}

export interface LiveloopApi {
  /** One request, retried while retrying may help; any answer other than 2xx is a LiveloopConnectionError. */
  request(method: LiveloopMethod, path: string, body?: unknown): Promise<LiveloopAnswer>;
  /** The same, with the JSON answer checked against its contract. */
  json<T extends z.ZodType>(method: LiveloopMethod, path: string, schema: T, body?: unknown): Promise<{ status: number; body: z.infer<T> }>;
}

// Few: an unreachable Liveloop at the start is most often a wrong LIVELOOP_URL, and CI should say so quickly.
const defaultAttempts = 3;
const defaultTimeoutMs = 60_000;
/** Longer than this, Liveloop is treated as down rather than waited for. */
const maxRetryAfterMs = 120_000;

/** The problem document's detail and each issue, or the start of a body that is not one. */
function problemText(text: string): string {
  try {
    const problem = problemSchema.safeParse(JSON.parse(text));
    if (problem.success) {
      const issues = (problem.data.errors ?? []).map((issue) => `\n  ${issue.path.join(".") || "(body)"}: ${issue.message}`);
      return `${problem.data.detail ?? problem.data.title}${issues.join("")}`;
    }
  } catch {
    // Not JSON: the raw text says more than nothing.
  }
  return text.slice(0, 300);
}

function refusal(status: number, url: string, text: string): LiveloopConnectionError {
  const detail = problemText(text);
  if (status === 401) return new LiveloopConnectionError(`Liveloop refused LIVELOOP_SECRET_KEY (HTTP 401): ${detail}`, status);
  if (status === 403) return new LiveloopConnectionError(`LIVELOOP_SECRET_KEY may not do this (HTTP 403): ${detail}`, status);
  if (status === 404) return new LiveloopConnectionError(`Not found at ${url} (HTTP 404): ${detail}`, status);
  return new LiveloopConnectionError(`Liveloop answered HTTP ${status} to ${url}: ${detail}`, status);
}

/**
 * The Liveloop API as the command line calls it: the secret key as a bearer token, and
 * network errors, timeouts, 429 and 5xx retried with exponential backoff and jitter (or
 * Retry-After). Every request it makes is safe to repeat (uploads are idempotent per item).
 */
export function createLiveloopApi(settings: LiveloopApiSettings, dependencies: LiveloopApiDependencies = {}): LiveloopApi {
  const doFetch = dependencies.fetch ?? fetch;
  const sleep = dependencies.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = dependencies.random ?? Math.random;
  const now = dependencies.now ?? Date.now;
  const attempts = settings.attempts ?? defaultAttempts;

  const request = async (method: LiveloopMethod, path: string, body?: unknown): Promise<LiveloopAnswer> => {
    const url = `${settings.baseUrl}${path}`;
    let lastFailure = "";
    let tries = 0;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      tries = attempt;
      let waitMs: number | undefined;
      try {
        const response = await doFetch(url, {
          method,
          headers: {
            authorization: `Bearer ${settings.secretKey}`,
            accept: "application/json",
            ...(body === undefined ? {} : { "content-type": "application/json" }),
          },
          body: body === undefined ? null : JSON.stringify(body),
          signal: AbortSignal.timeout(settings.timeoutMs ?? defaultTimeoutMs),
        });
        const text = await response.text();
        if (response.ok) return { status: response.status, text };
        if (response.status !== 429 && response.status < 500) throw refusal(response.status, url, text);
        lastFailure = `HTTP ${response.status}: ${problemText(text)}`;
        waitMs = retryAfterMs(response.headers, now());
      } catch (error) {
        if (error instanceof LiveloopConnectionError) throw error;
        const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
        lastFailure = `${String(error)}${cause}`;
      }
      if (attempt === attempts || (waitMs !== undefined && waitMs > maxRetryAfterMs)) break;
      await sleep(waitMs ?? backoffDelayMs(attempt, random));
    }
    throw new LiveloopConnectionError(
      `Liveloop at ${settings.baseUrl} (LIVELOOP_URL) could not be used: ${method} ${path} failed ${tries === 1 ? "once" : `${tries} times`}, last with ${lastFailure}`,
    );
  };

  return {
    request,
    async json(method, path, schema, body) {
      const answer = await request(method, path, body);
      let parsed: unknown;
      try {
        parsed = JSON.parse(answer.text);
      } catch {
        throw new LiveloopConnectionError(`${settings.baseUrl}${path} did not answer JSON; is LIVELOOP_URL a Liveloop server?`);
      }
      const checked = schema.safeParse(parsed);
      if (!checked.success) {
        throw new LiveloopConnectionError(
          `${settings.baseUrl}${path} answered in an unexpected shape (${checked.error.issues[0]?.message ?? "invalid"}); is this command as new as the server?`,
        );
      }
      return { status: answer.status, body: checked.data };
    },
  };
}
