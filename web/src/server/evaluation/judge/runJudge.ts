import type { JudgeExample, JudgeSettings } from "@/contracts/judge";
import type { EvaluationSubject } from "@/server/evaluation/evaluatorTypes";
import type { ConcurrencyLimit } from "@/server/evaluation/judge/concurrencyLimit";
import { backoffDelayMs } from "@/server/evaluation/judge/judgeBackoff";
import {
  answerInstructions,
  customJudgeSystemPrompt,
  judgeRubrics,
  unitScore,
  type JudgeScoreConfig,
} from "@/server/evaluation/judge/judgeRubrics";
import { renderJudgeTemplate } from "@/server/evaluation/judge/judgeTemplate";
import { parseJudgeAnswer, type JudgeAnswer } from "@/server/evaluation/judge/parseJudgeAnswer";
import {
  createChatCompletion,
  type ChatAttempt,
  type ChatMessage,
  type ResponseFormat,
  type ResponseFormatKind,
} from "@/server/llm/chatCompletions";
import { LlmCallError } from "@/server/llm/llmCallError";
import { findModelPrice, tokenCostUsd, type ModelPriceEntry } from "@/server/traces/modelPrices";

/** The configured judge (API key already decrypted), with corrected examples and the score config of its score name. */
export type JudgeRunSettings = JudgeSettings & {
  examples?: readonly JudgeExample[] | undefined;
  /** Overrides the rubric's range, e.g. from the project's score config for this name. */
  scoreConfig?: JudgeScoreConfig | undefined;
};

export interface JudgeDependencies {
  fetch?: typeof fetch | undefined;
  now?: (() => Date) | undefined;
  sleep?: ((milliseconds: number) => Promise<void>) | undefined;
  random?: (() => number) | undefined;
  /** Shared by all judge calls of a process, so they never exceed the endpoint's patience together. */
  limit?: ConcurrencyLimit | undefined;
  /** The project's own model prices; the shipped list prices apply to models they do not match. */
  prices?: readonly ModelPriceEntry[] | undefined;
  /** What this evaluator's judge already spent today (USD), against `dailyBudgetUsd`. */
  spentTodayUsd?: number | undefined;
  signal?: AbortSignal | undefined;
}

/** One HTTP request to the judge, kept whatever happened: the lead stores these and links them from the score. */
export interface JudgeCallRecord {
  messages: ChatMessage[];
  model: string;
  responseFormat: ResponseFormatKind;
  responseText: string | null;
  status: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  latencyMs: number;
  /** Why this call gave no score (endpoint error or invalid answer); null for the call that scored. */
  error: string | null;
  startedAt: Date;
}

export type JudgeFailureCode = "configuration" | "budget_spent" | "endpoint" | "invalid_answer";

export type JudgeOutcome =
  | { ok: true; score: number; reasoning: string; scoreConfig: JudgeScoreConfig; calls: JudgeCallRecord[] }
  | { ok: false; code: JudgeFailureCode; error: string; retryable: boolean; calls: JudgeCallRecord[] };

export const defaultJudgeTimeoutSeconds = 30;
export const defaultJudgeMaxAttempts = 3;
/** A Retry-After longer than this is not waited out in-process: the run fails as retryable and its job retries later. */
export const maxRetryAfterMs = 60_000;

const verdictFormat = (config: JudgeScoreConfig): ResponseFormat => ({
  type: "json_schema",
  json_schema: {
    name: "judge_verdict",
    strict: true,
    // Reasoning first: models write properties in schema order, and a score written after the reasoning follows from it.
    // The range is in the description, not minimum/maximum, which some strict-mode servers refuse.
    schema: {
      type: "object",
      properties: {
        reasoning: { type: "string", description: "Why, briefly, before deciding the score" },
        score: { type: config.integer ? "integer" : "number", description: `From ${config.min} to ${config.max}` },
      },
      required: ["reasoning", "score"],
      additionalProperties: false,
    },
  },
});

function formatAfter(kind: ResponseFormatKind, schema: ResponseFormat): ResponseFormat | undefined {
  if (kind === "json_schema") return schema;
  return kind === "json_object" ? { type: "json_object" } : undefined;
}

/** The messages for a subject: system prompt, corrected examples as earlier turns, then the subject. */
export function judgeMessages(
  settings: JudgeRunSettings,
  subject: EvaluationSubject,
): { ok: true; messages: ChatMessage[]; scoreConfig: JudgeScoreConfig } | { ok: false; error: string } {
  const rubric = settings.rubric === undefined ? undefined : judgeRubrics[settings.rubric];
  const template = settings.template ?? rubric?.userTemplate;
  if (template === undefined) return { ok: false, error: "rubric: choose a rubric or write a template" };
  const scoreConfig = settings.scoreConfig ?? rubric?.score ?? unitScore;
  const rendered = renderJudgeTemplate(template, subject);
  if (!rendered.ok) return rendered;
  const examples = (settings.examples ?? []).flatMap((example): ChatMessage[] => {
    const shown = renderJudgeTemplate(template, { input: example.input, output: example.output, contexts: [] }, { lenient: true });
    return shown.ok
      ? [
          { role: "user", content: shown.text },
          { role: "assistant", content: JSON.stringify({ reasoning: example.reasoning, score: example.score }) },
        ]
      : [];
  });
  const system = `${rubric?.systemPrompt ?? customJudgeSystemPrompt}\n\n${answerInstructions(scoreConfig)}`;
  return { ok: true, messages: [{ role: "system", content: system }, ...examples, { role: "user", content: rendered.text }], scoreConfig };
}

function callCost(
  model: string,
  served: string,
  usage: { inputTokens: number; outputTokens: number } | null,
  at: Date,
  prices: readonly ModelPriceEntry[],
) {
  if (!usage) return null;
  const price = findModelPrice([served, model], at, [...prices]);
  return price ? tokenCostUsd(price, usage.inputTokens, usage.outputTokens) : null;
}

/** One question put to a judge: the messages, the structured answer asked for, and how to read the answer. */
export interface JudgeQuestion<T> {
  messages: ChatMessage[];
  /** The strict JSON schema asked for first; retries may fall back to json_object or plain text. */
  format: ResponseFormat;
  parse(text: string): JudgeAnswer<T>;
}

export type JudgeAsked<T> =
  | { ok: true; value: T; reasoning: string; calls: JudgeCallRecord[] }
  | { ok: false; code: JudgeFailureCode; error: string; retryable: boolean; calls: JudgeCallRecord[] };

/**
 * Puts one question to an LLM judge at temperature 0 (or the model's default where it
 * takes no other). Retries with exponential backoff and jitter (or the endpoint's
 * Retry-After) on timeouts, network errors, 429, 5xx and answers that cannot be read;
 * stops at once on what retrying cannot fix (a wrong key or model, a body that is not the
 * protocol). Every HTTP request is in `calls`.
 */
export async function askJudge<T>(
  settings: JudgeSettings,
  question: JudgeQuestion<T>,
  dependencies: JudgeDependencies = {},
): Promise<JudgeAsked<T>> {
  const now = dependencies.now ?? (() => new Date());
  const sleep = dependencies.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = dependencies.random ?? Math.random;
  const limit: ConcurrencyLimit = dependencies.limit ?? ((task) => task());
  const calls: JudgeCallRecord[] = [];
  const fail = (code: JudgeFailureCode, error: string, retryable: boolean): JudgeAsked<T> => ({ ok: false, code, error, retryable, calls });

  const budget = settings.dailyBudgetUsd;
  if (budget !== undefined && (dependencies.spentTodayUsd ?? 0) >= budget) {
    return fail("budget_spent", `The judge's daily budget of $${budget} is spent`, false);
  }
  const { messages, format } = question;
  let responseFormat: ResponseFormat | undefined = format;
  let temperature: number | undefined = 0;
  const maxAttempts = settings.maxAttempts ?? defaultJudgeMaxAttempts;

  const record = (attempt: ChatAttempt) => {
    const completion = attempt.outcome.ok ? attempt.outcome.completion : null;
    const error = attempt.outcome.ok ? null : attempt.outcome.error;
    calls.push({
      messages,
      model: completion?.model ?? settings.model,
      responseFormat: attempt.responseFormat,
      responseText: completion?.text ?? error?.responseText ?? null,
      status: completion?.status ?? error?.status ?? null,
      inputTokens: completion?.usage?.inputTokens ?? null,
      outputTokens: completion?.usage?.outputTokens ?? null,
      costUsd: completion
        ? callCost(settings.model, completion.model, completion.usage, attempt.startedAt, dependencies.prices ?? [])
        : null,
      latencyMs: completion?.latencyMs ?? error?.latencyMs ?? 0,
      error: error?.message ?? null,
      startedAt: attempt.startedAt,
    });
    // Fallbacks only weaken the request after a refusal: later attempts start where this one was.
    responseFormat = formatAfter(attempt.responseFormat, format);
    temperature = attempt.temperature;
  };

  let lastFailure: { code: JudgeFailureCode; error: string } = { code: "endpoint", error: "The judge was not called" };
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    let waitMs: number | undefined;
    try {
      const completion = await limit(() =>
        createChatCompletion(
          {
            baseUrl: settings.baseUrl,
            apiKey: settings.apiKey,
            model: settings.model,
            messages,
            temperature,
            responseFormat,
            timeoutMs: (settings.timeoutSeconds ?? defaultJudgeTimeoutSeconds) * 1000,
            signal: dependencies.signal,
          },
          { fetch: dependencies.fetch, now: () => now().getTime(), onAttempt: record },
        ),
      );
      const answer = question.parse(completion.text);
      if (answer.ok) return { ok: true, value: answer.value, reasoning: answer.reasoning, calls };
      const last = calls.at(-1);
      if (last) last.error = answer.error;
      lastFailure = { code: "invalid_answer", error: answer.error };
    } catch (error) {
      if (!(error instanceof LlmCallError)) throw error;
      if (!error.retryable) return fail("endpoint", error.message, false);
      lastFailure = { code: "endpoint", error: error.message };
      waitMs = error.retryAfterMs;
    }
    if (attempt === maxAttempts) break;
    if (waitMs !== undefined && waitMs > maxRetryAfterMs) {
      return fail("endpoint", `${lastFailure.error} (the endpoint asked to wait ${Math.ceil(waitMs / 1000)} s; retry later)`, true);
    }
    await sleep(waitMs ?? backoffDelayMs(attempt, random));
  }
  // Transient endpoint trouble may pass, so the job may try again later; a judge that keeps answering nonsense will not improve.
  const retryable = lastFailure.code === "endpoint";
  return fail(lastFailure.code, `${lastFailure.error} (gave up after ${maxAttempts} attempt${maxAttempts === 1 ? "" : "s"})`, retryable);
}

/** Scores one subject with an LLM judge (its rubric or template, and corrected examples); see askJudge for retries. */
export async function runJudge(
  settings: JudgeRunSettings,
  subject: EvaluationSubject,
  dependencies: JudgeDependencies = {},
): Promise<JudgeOutcome> {
  const prompt = judgeMessages(settings, subject);
  if (!prompt.ok) return { ok: false, code: "configuration", error: prompt.error, retryable: false, calls: [] };
  const { messages, scoreConfig } = prompt;
  const asked = await askJudge(
    settings,
    {
      messages,
      format: verdictFormat(scoreConfig),
      parse: (text) => {
        const verdict = parseJudgeAnswer(text, scoreConfig);
        return verdict.ok ? { ok: true, value: verdict.score, reasoning: verdict.reasoning } : verdict;
      },
    },
    dependencies,
  );
  if (!asked.ok) return asked;
  return { ok: true, score: asked.value, reasoning: asked.reasoning, scoreConfig, calls: asked.calls };
}
