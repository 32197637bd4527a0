import { env } from "@/env";
import type { RouteSpec } from "@/server/api/route";
import { signedInUserId } from "@/server/api/caller";
import { demoChatRequestSchema, type DemoChatReply, type DemoChatRequest } from "@/contracts/demo";
import { ensureDemoProject } from "@/server/demo/demoProject";
import { answerDemoQuestion } from "@/server/demo/demoChat";
import type { LlmSettings } from "@/server/demo/demoLlm";

export function demoLlmSettings(): LlmSettings | null {
  const { LIVELOOP_DEMO_LLM_URL, LIVELOOP_DEMO_LLM_MODEL, LIVELOOP_DEMO_LLM_API_KEY } = env();
  return LIVELOOP_DEMO_LLM_URL ? { url: LIVELOOP_DEMO_LLM_URL, model: LIVELOOP_DEMO_LLM_MODEL, apiKey: LIVELOOP_DEMO_LLM_API_KEY } : null;
}

export function instanceSecret(): string {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set (npm start sets it from the data directory)");
  return secret;
}

/** POST /api/demo/chat: the /demo page's server, for signed-in people (its traces land in their demo project). */
export const demoChatRoute: RouteSpec<DemoChatRequest, undefined, Record<string, never>, DemoChatReply> = {
  auth: "session",
  body: demoChatRequestSchema,
  handler: async ({ database, caller, body }) => {
    const { projectId } = await ensureDemoProject(database, signedInUserId(caller), instanceSecret());
    return answerDemoQuestion(database, projectId, body, { llm: demoLlmSettings(), now: () => new Date() });
  },
};
