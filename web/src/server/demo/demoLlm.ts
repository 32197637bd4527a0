import { z } from "zod";
import { AppError } from "@/server/errors";

export interface LlmSettings {
  /** Base URL of an OpenAI-compatible API (…/v1), from LIVELOOP_DEMO_LLM_URL. */
  url: string;
  model: string;
  apiKey?: string | undefined;
}

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

// The part of the Chat Completions response the demo reads.
const completionSchema = z.object({
  model: z.string().optional(),
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
  usage: z.object({ prompt_tokens: z.number().int(), completion_tokens: z.number().int() }).optional(),
});

export interface LlmReply {
  text: string;
  model: string;
  usage: { inputTokens: number; outputTokens: number } | undefined;
}

/** One Chat Completions call (`POST {url}/chat/completions`), as every OpenAI-compatible server speaks it. */
export async function completeChat(settings: LlmSettings, messages: ChatMessage[], signal?: AbortSignal): Promise<LlmReply> {
  let response: Response;
  try {
    response = await fetch(`${settings.url.replace(/\/+$/, "")}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {}) },
      body: JSON.stringify({ model: settings.model, messages, temperature: 0.2 }),
      signal: signal ?? AbortSignal.timeout(60_000),
    });
  } catch (error) {
    throw new AppError(502, "llm_unreachable", "Bad gateway", `The demo model at ${settings.url} could not be reached: ${String(error)}`);
  }
  if (!response.ok) throw new AppError(502, "llm_error", "Bad gateway", `The demo model answered HTTP ${response.status}`);
  const parsed = completionSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new AppError(502, "llm_error", "Bad gateway", "The demo model's answer was not a chat completion");
  const [choice] = parsed.data.choices;
  return {
    text: choice?.message.content ?? "",
    model: parsed.data.model ?? settings.model,
    usage: parsed.data.usage && { inputTokens: parsed.data.usage.prompt_tokens, outputTokens: parsed.data.usage.completion_tokens },
  };
}
