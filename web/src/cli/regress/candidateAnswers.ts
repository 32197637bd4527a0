import type { ChatMessage } from "@/contracts/chatMessage";
import { createConcurrencyLimit } from "@/server/evaluation/judge/concurrencyLimit";
import { backoffDelayMs } from "@/server/evaluation/judge/judgeBackoff";
import { createChatCompletion, type ChatCompletion } from "@/server/llm/chatCompletions";
import { LlmCallError } from "@/server/llm/llmCallError";
import { messageText } from "@/server/review/conversation";

/** What the candidate is asked for one dataset item: the conversation up to the answer. */
export interface CandidateItem {
  itemId: string;
  input: readonly ChatMessage[];
}

export type CandidateAnswer =
  { itemId: string; ok: true; output: string; attempts: number } | { itemId: string; ok: false; error: string; attempts: number };

export interface CandidateSettings {
  endpoint: string;
  apiKey: string | undefined;
  model: string;
  temperature: number;
  timeoutMs: number;
  /** Tries per item, the first included. */
  attempts: number;
  concurrency: number;
}

export interface CandidateDependencies {
  fetch?: typeof fetch | undefined;
  sleep?: ((ms: number) => Promise<void>) | undefined;
  random?: (() => number) | undefined;
  /** Told when an item is settled, and of each retry, for the progress line. */
  onAnswer?: ((answer: CandidateAnswer) => void) | undefined;
  onRetry?: ((itemId: string, error: LlmCallError, waitMs: number) => void) | undefined;
}

/** The longest wait a Retry-After is honoured up to; an endpoint asking for more has failed the item. */
export const maxCandidateRetryAfterMs = 60_000;

/**
 * Candidate answers that say the endpoint itself is wrong (bad key, unknown model, no such
 * URL): every other item would get the same, so the run stops instead of calling them.
 */
export class CandidateRefusedError extends Error {
  override readonly name = "CandidateRefusedError";
}

const refusalStatuses = new Set([401, 403, 404]);

/**
 * The answer as a run uploads it (text): its content, then each tool call as
 * `name(arguments)` on its own line, as Liveloop writes an expected answer that calls tools.
 */
export function completionOutput(completion: Pick<ChatCompletion, "text" | "toolCalls">): string {
  return messageText({ content: completion.text, tool_calls: completion.toolCalls ?? undefined });
}

async function answerOne(
  item: CandidateItem,
  settings: CandidateSettings,
  dependencies: CandidateDependencies,
  stopped: AbortSignal,
): Promise<CandidateAnswer> {
  const sleep = dependencies.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = dependencies.random ?? Math.random;
  let lastError = "not called";
  for (let attempt = 1; attempt <= settings.attempts; attempt += 1) {
    try {
      const completion = await createChatCompletion(
        {
          baseUrl: settings.endpoint,
          apiKey: settings.apiKey,
          model: settings.model,
          messages: item.input,
          temperature: settings.temperature,
          timeoutMs: settings.timeoutMs,
          signal: stopped,
        },
        { fetch: dependencies.fetch },
      );
      return { itemId: item.itemId, ok: true, output: completionOutput(completion), attempts: attempt };
    } catch (error) {
      if (!(error instanceof LlmCallError)) throw error;
      if (error.status !== undefined && refusalStatuses.has(error.status)) throw new CandidateRefusedError(error.message);
      lastError = error.message;
      if (!error.retryable) return { itemId: item.itemId, ok: false, error: lastError, attempts: attempt };
      if (attempt === settings.attempts) break;
      const waitMs = error.retryAfterMs ?? backoffDelayMs(attempt, random);
      if (waitMs > maxCandidateRetryAfterMs) {
        return {
          itemId: item.itemId,
          ok: false,
          error: `${lastError} (it asked to wait ${Math.ceil(waitMs / 1000)} s)`,
          attempts: attempt,
        };
      }
      dependencies.onRetry?.(item.itemId, error, waitMs);
      await sleep(waitMs);
    }
  }
  return {
    itemId: item.itemId,
    ok: false,
    error: `${lastError} (gave up after ${settings.attempts} attempt${settings.attempts === 1 ? "" : "s"})`,
    attempts: settings.attempts,
  };
}

/**
 * Asks the candidate for every item, at most `concurrency` at once, retrying network
 * errors, timeouts, 429 and 5xx with exponential backoff and jitter (or the endpoint's
 * Retry-After). An item that still fails is returned as failed, never dropped; an endpoint
 * that refuses the key, model or URL stops the run with CandidateRefusedError.
 */
export async function collectCandidateAnswers(
  items: readonly CandidateItem[],
  settings: CandidateSettings,
  dependencies: CandidateDependencies = {},
): Promise<CandidateAnswer[]> {
  const limit = createConcurrencyLimit(settings.concurrency);
  // After a refusal, calls in flight are cancelled and queued ones never start.
  const stop = new AbortController();
  const refusals: CandidateRefusedError[] = [];
  // A function, not the property: it changes while a call is awaited.
  const stopped = () => stop.signal.aborted;
  const answers = await Promise.all(
    items.map((item) =>
      limit(async (): Promise<CandidateAnswer | null> => {
        if (stopped()) return null;
        try {
          const answer = await answerOne(item, settings, dependencies, stop.signal);
          dependencies.onAnswer?.(answer);
          return answer;
        } catch (error) {
          if (stopped()) return null;
          if (!(error instanceof CandidateRefusedError)) throw error;
          refusals.push(error);
          stop.abort();
          return null;
        }
      }),
    ),
  );
  const [refusal] = refusals;
  if (refusal) throw refusal;
  return answers.filter((answer): answer is CandidateAnswer => answer !== null);
}
