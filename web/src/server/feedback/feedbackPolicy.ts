import type { Queryable } from "@/server/db/client";

/** How a project treats incoming feedback: its token requirement and secret, and masking. */
export interface FeedbackPolicy {
  projectId: string;
  secret: string | null;
  required: boolean;
  maskPersonalData: boolean;
}

// The policy is read on every batch; a few seconds of caching saves a query per request.
// Changes made in this process (settings, secret rotation) drop the entry at once; other
// processes see them within `policyTtlMs`.
const policyTtlMs = 5_000;
const policies = new Map<string, { policy: FeedbackPolicy; expiresAt: number }>();

export function forgetFeedbackPolicy(projectId: string): void {
  policies.delete(projectId);
}

export async function feedbackPolicy(database: Queryable, projectId: string): Promise<FeedbackPolicy> {
  const cached = policies.get(projectId);
  if (cached && cached.expiresAt > Date.now()) return cached.policy;
  const policy = await loadFeedbackPolicy(database, projectId);
  if (policies.size > 10_000) policies.clear();
  policies.set(projectId, { policy, expiresAt: Date.now() + policyTtlMs });
  return policy;
}

async function loadFeedbackPolicy(database: Queryable, projectId: string): Promise<FeedbackPolicy> {
  const project = await database.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { requireFeedbackTokens: true, feedbackSigningSecret: true, piiRedaction: true },
  });
  return {
    projectId,
    secret: project.feedbackSigningSecret,
    required: project.requireFeedbackTokens,
    maskPersonalData: project.piiRedaction === "mask",
  };
}
