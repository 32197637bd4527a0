import type { RouteSpec } from "@/server/api/route";
import { preflightResponse } from "@/server/api/cors";
import { callerProjectId } from "@/server/api/caller";
import { batchResponse } from "@/server/api/batchResponse";
import {
  feedbackBatchEnvelopeSchema,
  feedbackLimits,
  feedbackListQuerySchema,
  feedbackTokenRequestSchema,
  type StoredFeedbackEvent,
} from "@/contracts/feedback";
import type { z } from "zod";
import { ingestFeedback } from "@/server/feedback/ingestFeedback";
import { listTraceFeedback } from "@/server/feedback/feedbackQueries";
import { mintFeedbackTokens } from "@/server/feedback/feedbackTokens";

// The feedback endpoints, kept here so tests (and the widget's delivery tests) can serve
// exactly what the app serves.

/** POST /api/v1/feedback: browsers (public key, CORS per key, ?key= + text/plain for sendBeacon) and servers. */
export const feedbackIngestRoute: RouteSpec<z.infer<typeof feedbackBatchEnvelopeSchema>, undefined, Record<string, never>, Response> = {
  auth: "key",
  permission: "feedback:write",
  keyInQuery: true,
  acceptTextPlain: true,
  body: feedbackBatchEnvelopeSchema,
  maxBodyBytes: feedbackLimits.maxBodyBytes,
  handler: async ({ database, caller, body, now }) =>
    batchResponse(await ingestFeedback(database, callerProjectId(caller), body.events, now)),
};

/** GET /api/v1/feedback?traceId=: a trace's feedback, for servers. */
export const feedbackListRoute: RouteSpec<
  undefined,
  z.infer<typeof feedbackListQuerySchema>,
  Record<string, never>,
  { data: StoredFeedbackEvent[] }
> = {
  auth: "key",
  keyKinds: ["secret"],
  permission: "feedback:read",
  query: feedbackListQuerySchema,
  handler: async ({ database, caller, query }) => ({ data: await listTraceFeedback(database, callerProjectId(caller), query.traceId) }),
};

/** POST /api/v1/feedback-tokens: tokens a backend hands to the page with each answer. */
export const feedbackTokensRoute: RouteSpec<
  z.infer<typeof feedbackTokenRequestSchema>,
  undefined,
  Record<string, never>,
  Awaited<ReturnType<typeof mintFeedbackTokens>>
> = {
  auth: "key",
  keyKinds: ["secret"],
  permission: "feedback:write",
  body: feedbackTokenRequestSchema,
  handler: ({ database, caller, body, now }) => mintFeedbackTokens(database, callerProjectId(caller), body, now),
};

/** OPTIONS /api/v1/feedback: browsers ask before sending JSON with an Authorization header. */
export function feedbackPreflight(request: Request): Promise<Response> {
  return Promise.resolve(preflightResponse(request, ["POST"]));
}
