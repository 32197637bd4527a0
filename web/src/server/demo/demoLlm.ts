import { AppError } from "@/server/errors";
import { createChatCompletion, type ChatMessage } from "@/server/llm/chatCompletions";
import { LlmCallError } from "@/server/llm/llmCallError";

export type { ChatMessage };

export interface LlmSettings {
  /** Base URL of an OpenAI-compatible API (…/v1), from LIVELOOP_DEMO_LLM_URL. */
  url: string;
  model: string;
  apiKey?: string | undefined;
}

export interface LlmReply {
  text: string;
  model: string;
  usage: { inputTokens: number; outputTokens: number } | undefined;
}

/** The demo's answer from its configured model; any failure of the model is a 502 for the person chatting. */
export async function completeChat(settings: LlmSettings, messages: ChatMessage[], signal?: AbortSignal): Promise<LlmReply> {
  try {
    const completion = await createChatCompletion({
      baseUrl: settings.url,
      apiKey: settings.apiKey,
      model: settings.model,
      messages,
      temperature: 0.2,
      timeoutMs: 60_000,
      signal,
    });
    return { text: completion.text, model: completion.model, usage: completion.usage ?? undefined };
  } catch (error) {
    if (!(error instanceof LlmCallError)) throw error;
    const code = error.kind === "network" ? "llm_unreachable" : "llm_error";
    throw new AppError(502, code, "Bad gateway", `The demo model at ${settings.url} failed: ${error.message}`);
  }
}
