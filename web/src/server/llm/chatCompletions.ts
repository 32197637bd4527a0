import { z } from "zod";
import type { ChatMessage as ConversationMessage, ToolCall } from "@/contracts/chatMessage";
import { LlmCallError } from "@/server/llm/llmCallError";
import { postOpenAiJson, type OpenAiEndpoint, type OpenAiHttpDependencies } from "@/server/llm/openAiHttp";

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** Structured output as Chat Completions takes it: a JSON schema the answer must follow, or just "some JSON object". */
export type ResponseFormat =
  { type: "json_schema"; json_schema: { name: string; schema: Record<string, unknown>; strict?: boolean } } | { type: "json_object" };

export type ResponseFormatKind = "json_schema" | "json_object" | "none";

export interface ChatCompletionRequest extends OpenAiEndpoint {
  model: string;
  /** Text messages, or a whole conversation as datasets hold it (tool calls and their results). */
  messages: readonly (ChatMessage | ConversationMessage)[];
  temperature?: number | undefined;
  /** Asked for first; an endpoint that refuses it gets json_object, then no format at all. */
  responseFormat?: ResponseFormat | undefined;
  timeoutMs?: number | undefined;
  signal?: AbortSignal | undefined;
}

export interface ChatCompletion {
  text: string;
  /** The tools the answer calls, in OpenAI's shape; null when it calls none. */
  toolCalls: ToolCall[] | null;
  /** The model that answered (a snapshot name such as gpt-4o-mini-2024-07-18), else the one asked for. */
  model: string;
  usage: { inputTokens: number; outputTokens: number } | null;
  latencyMs: number;
  status: number;
  /** The response as sent, for the record. */
  raw: unknown;
  /** The response format the endpoint accepted. */
  responseFormat: ResponseFormatKind;
  /** The temperature sent: undefined when the model refused the one asked for and got its default. */
  temperature: number | undefined;
}

/** One HTTP request made for a completion: the fallbacks (response format, temperature) can make several. */
export interface ChatAttempt {
  responseFormat: ResponseFormatKind;
  temperature: number | undefined;
  startedAt: Date;
  outcome: { ok: true; completion: ChatCompletion } | { ok: false; error: LlmCallError };
}

export interface ChatCompletionDependencies extends OpenAiHttpDependencies {
  /** Told of every HTTP request, so a caller can keep each one (the judge records every call). */
  onAttempt?: ((attempt: ChatAttempt) => void) | undefined;
}

export const defaultChatTimeoutMs = 30_000;

// The part of the Chat Completions response we read; the rest is kept in `raw`.
const completionSchema = z.object({
  model: z.string().optional(),
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullable().optional(),
          // Servers add fields of their own to a call (an index, say): only OpenAI's are kept.
          tool_calls: z.array(z.object({ id: z.string(), function: z.object({ name: z.string(), arguments: z.string() }) })).nullish(),
        }),
      }),
    )
    .min(1),
  usage: z.object({ prompt_tokens: z.number().int().nonnegative(), completion_tokens: z.number().int().nonnegative() }).nullish(),
});

function formatsToTry(format: ResponseFormat | undefined): (ResponseFormat | null)[] {
  if (!format) return [null];
  if (format.type === "json_object") return [format, null];
  return [format, { type: "json_object" }, null];
}

// Servers that lack structured output say so in a 400 (OpenAI, vLLM, llama.cpp) or 422 (some
// proxies) naming the parameter; any other 400 is a real error and is not papered over.
function refusesFormat(error: LlmCallError): boolean {
  return (
    (error.status === 400 || error.status === 422) &&
    /response_format|json_schema|json_object|structured output/i.test(error.responseText ?? error.message)
  );
}

// Reasoning models (o1, o3, gpt-5) take only their default temperature and refuse any other
// with a 400 naming it: the call is worth making with the default rather than not at all.
function refusesTemperature(error: LlmCallError): boolean {
  return (error.status === 400 || error.status === 422) && /temperature/i.test(error.responseText ?? error.message);
}

async function requestOnce(
  request: ChatCompletionRequest,
  format: ResponseFormat | null,
  temperature: number | undefined,
  dependencies: ChatCompletionDependencies,
): Promise<ChatCompletion> {
  const payload = {
    model: request.model,
    messages: request.messages,
    ...(temperature === undefined ? {} : { temperature }),
    ...(format ? { response_format: format } : {}),
  };
  const answer = await postOpenAiJson(
    request,
    "chat/completions",
    payload,
    { timeoutMs: request.timeoutMs ?? defaultChatTimeoutMs, signal: request.signal },
    dependencies,
  );
  const parsed = completionSchema.safeParse(answer.body);
  if (!parsed.success) {
    throw new LlmCallError(`The answer is JSON but not a chat completion: ${answer.text.slice(0, 200)}`, {
      kind: "bad_body",
      status: answer.status,
      responseText: answer.text,
      latencyMs: answer.latencyMs,
    });
  }
  const usage = parsed.data.usage;
  const message = parsed.data.choices[0]?.message;
  const toolCalls = (message?.tool_calls ?? []).map((call): ToolCall => ({
    id: call.id,
    type: "function",
    function: { name: call.function.name, arguments: call.function.arguments },
  }));
  return {
    text: message?.content ?? "",
    toolCalls: toolCalls.length > 0 ? toolCalls : null,
    model: parsed.data.model ?? request.model,
    usage: usage ? { inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens } : null,
    latencyMs: answer.latencyMs,
    status: answer.status,
    raw: answer.body,
    responseFormat: format?.type ?? "none",
    temperature,
  };
}

/**
 * One Chat Completions call (`POST {baseUrl}/chat/completions`) as every OpenAI-compatible
 * server speaks it. When a response format is asked for and the endpoint refuses it, the
 * call is made again with the next weaker one; a refused temperature is dropped the same
 * way. The result says what was accepted so a caller can start there next time.
 */
export async function createChatCompletion(
  request: ChatCompletionRequest,
  dependencies: ChatCompletionDependencies = {},
): Promise<ChatCompletion> {
  const now = dependencies.now ?? Date.now;
  const formats = formatsToTry(request.responseFormat);
  let formatIndex = 0;
  let temperature = request.temperature;
  // Each failed round either weakens the format or drops the temperature, or throws: at most formats + 1 requests.
  for (;;) {
    const format = formats[formatIndex] ?? null;
    const startedAt = new Date(now());
    const responseFormat = format?.type ?? "none";
    try {
      const completion = await requestOnce(request, format, temperature, dependencies);
      dependencies.onAttempt?.({ responseFormat, temperature, startedAt, outcome: { ok: true, completion } });
      return completion;
    } catch (error) {
      if (!(error instanceof LlmCallError)) throw error;
      dependencies.onAttempt?.({ responseFormat, temperature, startedAt, outcome: { ok: false, error } });
      if (formatIndex < formats.length - 1 && refusesFormat(error)) formatIndex += 1;
      else if (temperature !== undefined && refusesTemperature(error)) temperature = undefined;
      else throw error;
    }
  }
}
