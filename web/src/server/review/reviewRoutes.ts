import type { z } from "zod";
import type { RouteSpec } from "@/server/api/route";
import { callerProjectId, memberCaller } from "@/server/api/caller";
import { projectIdParams } from "@/contracts/common";
import {
  adjudicationSchema,
  annotationInputSchema,
  claimQuerySchema,
  reviewItemListQuerySchema,
  reviewItemParams,
  reviewRulesUpdateSchema,
  type ReviewItemView,
  type ReviewRuleSet,
} from "@/contracts/review";
import { listReviewItems } from "@/server/review/reviewQueries";
import { claimNextReviewItem, releaseItem, renewLease } from "@/server/review/reviewLeases";
import { annotateItem } from "@/server/review/annotateItem";
import { adjudicateItem } from "@/server/review/adjudicate";
import { getReviewRules, updateReviewRules } from "@/server/review/reviewRules";

type ProjectParams = z.infer<typeof projectIdParams>;
type ItemParams = z.infer<typeof reviewItemParams>;

/** GET /api/v1/review-items: the queue for automation (secret key). */
export const reviewItemListRoute: RouteSpec<
  undefined,
  z.infer<typeof reviewItemListQuerySchema>,
  Record<string, never>,
  { data: ReviewItemView[] }
> = {
  auth: "key",
  keyKinds: ["secret"],
  permission: "review:read",
  query: reviewItemListQuerySchema,
  handler: async ({ database, caller, query }) => {
    // Reads only: routing is the background job's (reviewRoutingJob.ts), never a request's.
    return { data: await listReviewItems(database, callerProjectId(caller), query) };
  },
};

/** POST .../review-items/claim: the next item for the signed-in annotator, leased to them (204 when the queue is empty). */
export const claimRoute: RouteSpec<
  undefined,
  z.infer<typeof claimQuerySchema>,
  ProjectParams,
  Response | { id: string; leaseExpiresAt: string }
> = {
  auth: "session",
  permission: "review:annotate",
  params: projectIdParams,
  query: claimQuerySchema,
  handler: async ({ database, caller, params, query, now }) => {
    const claimed = await claimNextReviewItem(database, params.projectId, memberCaller(caller).userId, now, query.exclude);
    return claimed ?? new Response(null, { status: 204 });
  },
};

export const renewLeaseRoute: RouteSpec<undefined, undefined, ItemParams, { leaseExpiresAt: string }> = {
  auth: "session",
  permission: "review:annotate",
  params: reviewItemParams,
  handler: ({ database, caller, params, now }) => renewLease(database, params.projectId, params.itemId, memberCaller(caller).userId, now),
};

export const releaseRoute: RouteSpec<undefined, undefined, ItemParams, undefined> = {
  auth: "session",
  permission: "review:annotate",
  params: reviewItemParams,
  handler: async ({ database, caller, params }) => {
    await releaseItem(database, params.projectId, params.itemId, memberCaller(caller).userId);
    return undefined;
  },
};

export const annotateRoute: RouteSpec<z.infer<typeof annotationInputSchema>, undefined, ItemParams, { status: string }> = {
  auth: "session",
  permission: "review:annotate",
  params: reviewItemParams,
  body: annotationInputSchema,
  handler: ({ database, caller, params, body }) =>
    annotateItem(database, params.projectId, params.itemId, memberCaller(caller).userId, body),
};

export const reviewRulesRoute: RouteSpec<undefined, undefined, ProjectParams, ReviewRuleSet> = {
  auth: "session",
  permission: "project:read",
  params: projectIdParams,
  handler: ({ database, params }) => getReviewRules(database, params.projectId),
};

export const updateReviewRulesRoute: RouteSpec<z.infer<typeof reviewRulesUpdateSchema>, undefined, ProjectParams, ReviewRuleSet> = {
  auth: "session",
  permission: "project:update",
  params: projectIdParams,
  body: reviewRulesUpdateSchema,
  handler: ({ database, params, body }) => updateReviewRules(database, params.projectId, body),
};

/** PUT .../review-items/{itemId}/adjudication: an owner or admin settles a disagreement. */
export const adjudicateRoute: RouteSpec<
  z.infer<typeof adjudicationSchema>,
  undefined,
  ItemParams,
  { adjudicatedCategory: string | null }
> = {
  auth: "session",
  permission: "review:adjudicate",
  params: reviewItemParams,
  body: adjudicationSchema,
  handler: ({ database, caller, params, body, now }) =>
    adjudicateItem(database, params.projectId, params.itemId, memberCaller(caller).userId, body.category, now),
};
