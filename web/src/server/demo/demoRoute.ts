import type { NextRequest } from "next/server";
import { env } from "@/env";
import { instanceSecret } from "@/server/auth/instanceSecret";
import { endpoint } from "@/server/api/endpoint";
import { chargeRequest, createRateLimiter, type RateLimiter } from "@/server/api/rateLimiter";
import { isOwnOrigin } from "@/server/api/cors";
import { sessionUserFromRequest, type SessionUser } from "@/server/auth/session";
import { addressGroup, clientAddressOf } from "@/server/http/forwardedHeaders";
import { ForbiddenError, RateLimitedError, ServiceUnavailableError, UnauthorizedError } from "@/server/errors";
import { toAppError } from "@/server/api/problem";
import type { Database } from "@/server/db/client";
import { demoChatRequestSchema, type DemoChatStreamEvent } from "@/contracts/demo";
import { ensureDemoProject, publicDemoOwner } from "@/server/demo/demoProject";
import { answerDemoQuestion, waitFor } from "@/server/demo/demoChat";
import type { LlmSettings } from "@/server/demo/demoLlm";

export function demoLlmSettings(): LlmSettings | null {
  const { LIVELOOP_DEMO_LLM_URL, LIVELOOP_DEMO_LLM_MODEL, LIVELOOP_DEMO_LLM_API_KEY } = env();
  return LIVELOOP_DEMO_LLM_URL ? { url: LIVELOOP_DEMO_LLM_URL, model: LIVELOOP_DEMO_LLM_MODEL, apiKey: LIVELOOP_DEMO_LLM_API_KEY } : null;
}

/** What the demo's endpoint takes from the outside world; tests pass their own. */
export interface DemoRouteDependencies {
  /** LIVELOOP_PUBLIC_DEMO: signed-out visitors may ask too. */
  publicDemo: () => boolean;
  sessionUser: (request: NextRequest) => Promise<SessionUser | null>;
  rateLimiter: () => RateLimiter;
  instanceSecret: () => string;
  llm: () => LlmSettings | null;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
}

let demoRateLimiter: RateLimiter | undefined;
const processDependencies: DemoRouteDependencies = {
  publicDemo: () => env().LIVELOOP_PUBLIC_DEMO,
  sessionUser: sessionUserFromRequest,
  rateLimiter: () => (demoRateLimiter ??= createRateLimiter(env().LIVELOOP_RATE_LIMIT_PER_MINUTE)),
  instanceSecret,
  llm: demoLlmSettings,
  sleep: waitFor,
  now: () => new Date(),
};

/**
 * Who asks, and whose demo project answers: a signed-in person their own; when the demo is
 * public, anyone else the instance owner's. The wrapper knows signed-in callers or open
 * endpoints, not "either", so the endpoint is declared open and decides here, charging the
 * same rate limits the wrapper would: a person's own bucket, or (as for a public key,
 * which is what an open demo is) one per client address under a shared ceiling.
 */
async function demoProjectFor(
  dependencies: DemoRouteDependencies,
  database: Database,
  request: NextRequest,
  now: Date,
): Promise<{ projectId: string; publicKey: string | null }> {
  // Only the /demo page itself talks to this endpoint: no other site may drive a visitor's session.
  const origin = request.headers.get("origin");
  if (origin !== null && !isOwnOrigin(request, origin)) throw new ForbiddenError("The demo answers its own page only");
  const user = await dependencies.sessionUser(request);
  if (!user && !dependencies.publicDemo()) throw new UnauthorizedError("Sign in first");
  const limiter = dependencies.rateLimiter();
  const address = addressGroup(clientAddressOf(request.headers));
  const retryAfter = user
    ? chargeRequest(limiter, { type: "session", user }, address, now.getTime())
    : chargeRequest(limiter, { type: "key", key: { id: "public-demo", kind: "public" } }, address, now.getTime());
  if (retryAfter > 0) throw new RateLimitedError(retryAfter);
  const ownerId = user?.id ?? (await publicDemoOwner(database));
  if (!ownerId) throw new ServiceUnavailableError("Liveloop is not set up yet", 60);
  return ensureDemoProject(database, ownerId, dependencies.instanceSecret());
}

const encoder = new TextEncoder();

/**
 * The /demo page's server. Streams the answer as NDJSON (tokens,
 * then the reply with its trace id and feedback token) as a chat application streams a
 * model's answer. The demo project is made here, on the first question, never when the
 * page is shown.
 */
export function createDemoChatRoute(dependencies: DemoRouteDependencies) {
  return endpoint({
    method: "POST",
    path: "/api/demo/chat",
    summary: "The /demo page's chat: the answer streamed as NDJSON, traced in the demo project",
    internal: true,
    auth: "none",
    body: demoChatRequestSchema,
    answers: "Tokens, then the reply with its trace id and feedback token (application/x-ndjson)",
    handler: async ({ database, request, body, now }) => {
      const { projectId, publicKey } = await demoProjectFor(dependencies, database, request, now);
      const llm = dependencies.llm();
      let open = true;
      const stream = new ReadableStream<Uint8Array>({
        async start(controller) {
          const send = (event: DemoChatStreamEvent) => {
            if (open) controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
          };
          try {
            const reply = await answerDemoQuestion(database, projectId, body, {
              llm,
              now: dependencies.now,
              sleep: dependencies.sleep,
              onToken: (text) => {
                send({ type: "token", text });
              },
            });
            send({ type: "done", reply: { ...reply, publicKey } });
          } catch (error) {
            send({ type: "error", detail: toAppError(error).message });
          }
          if (open) controller.close();
          open = false;
        },
        cancel() {
          // The visitor left: the answer is still finished and traced, as a real application's would be.
          open = false;
        },
      });
      return new Response(stream, {
        headers: {
          "Content-Type": "application/x-ndjson; charset=utf-8",
          // no-transform: a compressing proxy would hold the tokens back until the end.
          "Cache-Control": "no-store, no-transform",
          "X-Accel-Buffering": "no",
        },
      });
    },
  });
}

export const demoChatRoute = createDemoChatRoute(processDependencies);
