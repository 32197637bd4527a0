import { endpoint } from "@/server/api/endpoint";
import { callerProjectId } from "@/server/api/caller";
import { batchResponse } from "@/server/api/batchResponse";
import { batchResultSchema } from "@/contracts/batch";
import {
  feedbackBatchEnvelopeSchema,
  feedbackBatchSchema,
  feedbackLimits,
  feedbackListQuerySchema,
  feedbackListSchema,
  feedbackTokenRequestSchema,
  feedbackTokensSchema,
} from "@/contracts/feedback";
import { ingestFeedback } from "@/server/feedback/ingestFeedback";
import { listTraceFeedback } from "@/server/feedback/feedbackQueries";
import { mintFeedbackTokens } from "@/server/feedback/feedbackTokens";

// The feedback endpoints, kept here so tests (and the widget's delivery tests) can serve
// exactly what the app serves.

/** Browsers (public key, CORS per key, ?key= + text/plain for sendBeacon) and servers. */
export const feedbackIngestRoute = endpoint({
  method: "POST",
  path: "/api/v1/feedback",
  summary:
    "Ingest a batch of feedback events (public or secret key; CORS per public key; key also as ?key= with a text/plain body for sendBeacon; 64 KB, 100 events)",
  auth: "key",
  permission: "feedback:write",
  browser: true,
  lean: true,
  keyInQuery: true,
  acceptTextPlain: true,
  body: feedbackBatchEnvelopeSchema,
  documentedBody: feedbackBatchSchema,
  maxBodyBytes: feedbackLimits.maxBodyBytes,
  response: batchResultSchema,
  answers: "All stored or already stored; 207 with the same body when some were rejected",
  handler: async ({ database, caller, body, now }) =>
    batchResponse(await ingestFeedback(database, callerProjectId(caller), body.events, now)),
});

export const feedbackListRoute = endpoint({
  method: "GET",
  path: "/api/v1/feedback",
  summary: "A trace's feedback events, newest first",
  auth: "key",
  keyKinds: ["secret"],
  permission: "feedback:read",
  query: feedbackListQuerySchema,
  response: feedbackListSchema,
  answers: "The trace's feedback",
  handler: async ({ database, caller, query }) => ({ data: await listTraceFeedback(database, callerProjectId(caller), query.traceId) }),
});

/** Tokens a backend hands to the page with each answer. */
export const feedbackTokensRoute = endpoint({
  method: "POST",
  path: "/api/v1/feedback-tokens",
  summary: "Mint feedback tokens (HMAC-SHA256 over trace, project and expiry) for the given traces",
  auth: "key",
  keyKinds: ["secret"],
  permission: "feedback:write",
  body: feedbackTokenRequestSchema,
  response: feedbackTokensSchema,
  answers: "A token per trace",
  handler: ({ database, caller, body, now }) => mintFeedbackTokens(database, callerProjectId(caller), body, now),
});

export const feedbackEndpoints = [feedbackIngestRoute, feedbackListRoute, feedbackTokensRoute] as const;
