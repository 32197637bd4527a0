import { endpoint } from "@/server/api/endpoint";
import { callerProjectId, memberCaller } from "@/server/api/caller";
import { projectIdParams } from "@/contracts/common";
import {
  adjudicationResultSchema,
  adjudicationSchema,
  annotationInputSchema,
  annotationResultSchema,
  claimedItemSchema,
  claimQuerySchema,
  leaseSchema,
  reviewItemListQuerySchema,
  reviewItemListSchema,
  reviewItemParams,
  reviewRulesSchema,
  reviewRulesUpdateSchema,
} from "@/contracts/review";
import { listReviewItems } from "@/server/review/reviewQueries";
import { claimNextReviewItem, releaseItem, renewLease } from "@/server/review/reviewLeases";
import { annotateItem } from "@/server/review/annotateItem";
import { adjudicateItem } from "@/server/review/adjudicate";
import { getReviewRules, updateReviewRules } from "@/server/review/reviewRules";

/** The queue for automation. */
export const reviewItemListRoute = endpoint({
  method: "GET",
  path: "/api/v1/review-items",
  summary: "Review items by priority, with their reasons, cluster size and annotations",
  auth: "key",
  keyKinds: ["secret"],
  permission: "review:read",
  query: reviewItemListQuerySchema,
  response: reviewItemListSchema,
  answers: "Items",
  // Reads only: routing is the background job's (reviewRoutingJob.ts), never a request's.
  handler: async ({ database, caller, query }) => ({ data: await listReviewItems(database, callerProjectId(caller), query) }),
});

export const claimRoute = endpoint({
  method: "POST",
  path: "/api/v1/projects/{projectId}/review-items/claim",
  summary: "Claim the highest-priority item for the signed-in annotator, leased for 10 minutes (204: queue empty)",
  auth: "session",
  permission: "review:annotate",
  params: projectIdParams,
  query: claimQuerySchema,
  response: claimedItemSchema,
  answers: "The claimed item",
  handler: async ({ database, caller, params, query, now }) => {
    const claimed = await claimNextReviewItem(database, params.projectId, memberCaller(caller).userId, now, query.exclude);
    return claimed ?? new Response(null, { status: 204 });
  },
});

export const renewLeaseRoute = endpoint({
  method: "POST",
  path: "/api/v1/projects/{projectId}/review-items/{itemId}/lease",
  summary: "Renew the caller's lease on an item (409 when it is not theirs anymore)",
  auth: "session",
  permission: "review:annotate",
  params: reviewItemParams,
  response: leaseSchema,
  answers: "Renewed",
  handler: ({ database, caller, params, now }) => renewLease(database, params.projectId, params.itemId, memberCaller(caller).userId, now),
});

export const releaseRoute = endpoint({
  method: "POST",
  path: "/api/v1/projects/{projectId}/review-items/{itemId}/release",
  summary: "Give a claimed item back to the queue (skip)",
  auth: "session",
  permission: "review:annotate",
  params: reviewItemParams,
  answers: "Released",
  handler: ({ database, caller, params }) => releaseItem(database, params.projectId, params.itemId, memberCaller(caller).userId),
});

export const annotateRoute = endpoint({
  method: "PUT",
  path: "/api/v1/projects/{projectId}/review-items/{itemId}/annotation",
  summary: "Save the caller's annotation of an item they hold (409 when the lease moved on)",
  auth: "session",
  permission: "review:annotate",
  params: reviewItemParams,
  body: annotationInputSchema,
  response: annotationResultSchema,
  answers: "Saved",
  handler: ({ database, caller, params, body }) =>
    annotateItem(database, params.projectId, params.itemId, memberCaller(caller).userId, body),
});

export const reviewRulesRoute = endpoint({
  method: "GET",
  path: "/api/v1/projects/{projectId}/review-rules",
  summary: "What sends traces to the review queue",
  auth: "session",
  permission: "project:read",
  params: projectIdParams,
  response: reviewRulesSchema,
  answers: "The rules",
  handler: ({ database, params }) => getReviewRules(database, params.projectId),
});

export const updateReviewRulesRoute = endpoint({
  method: "PATCH",
  path: "/api/v1/projects/{projectId}/review-rules",
  summary: "Change what sends traces to the review queue",
  auth: "session",
  permission: "project:update",
  params: projectIdParams,
  body: reviewRulesUpdateSchema,
  response: reviewRulesSchema,
  answers: "The rules",
  handler: ({ database, params, body }) => updateReviewRules(database, params.projectId, body),
});

/** An owner or admin settles a disagreement. */
export const adjudicateRoute = endpoint({
  method: "PUT",
  path: "/api/v1/projects/{projectId}/review-items/{itemId}/adjudication",
  summary: "Settle a disagreement between annotators: the chosen category stands, or none (owners and admins)",
  auth: "session",
  permission: "review:adjudicate",
  params: reviewItemParams,
  body: adjudicationSchema,
  response: adjudicationResultSchema,
  answers: "Adjudicated",
  handler: ({ database, caller, params, body, now }) =>
    adjudicateItem(database, params.projectId, params.itemId, memberCaller(caller).userId, body.category, now),
});

export const reviewEndpoints = [
  reviewItemListRoute,
  claimRoute,
  renewLeaseRoute,
  releaseRoute,
  annotateRoute,
  reviewRulesRoute,
  updateReviewRulesRoute,
  adjudicateRoute,
] as const;
