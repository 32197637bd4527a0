import { randomBytes } from "node:crypto";
import { signFeedbackToken, verifyFeedbackToken, type FeedbackTokenCheck } from "@liveloop/widget/server";
import type { Queryable } from "@/server/db/client";
import { forgetFeedbackPolicy } from "@/server/feedback/feedbackPolicy";

/**
 * The project's feedback signing secret, created on first use. Concurrent first uses
 * race on `WHERE feedback_signing_secret IS NULL`: one write wins and everyone reads it.
 */
export async function feedbackSigningSecret(database: Queryable, projectId: string): Promise<string> {
  const project = await database.project.findUniqueOrThrow({ where: { id: projectId }, select: { feedbackSigningSecret: true } });
  if (project.feedbackSigningSecret) return project.feedbackSigningSecret;
  await database.project.updateMany({
    where: { id: projectId, feedbackSigningSecret: null },
    data: { feedbackSigningSecret: randomBytes(32).toString("base64url") },
  });
  forgetFeedbackPolicy(projectId);
  const created = await database.project.findUniqueOrThrow({ where: { id: projectId }, select: { feedbackSigningSecret: true } });
  if (!created.feedbackSigningSecret) throw new Error("feedback signing secret was not stored");
  return created.feedbackSigningSecret;
}

/** Replaces the signing secret: every token minted before stops being valid. */
export async function rotateFeedbackSigningSecret(database: Queryable, projectId: string): Promise<void> {
  await database.project.update({ where: { id: projectId }, data: { feedbackSigningSecret: randomBytes(32).toString("base64url") } });
  forgetFeedbackPolicy(projectId);
}

export async function mintFeedbackTokens(
  database: Queryable,
  projectId: string,
  request: { traceIds: string[]; ttlSeconds: number },
  now: Date,
): Promise<{ tokens: Record<string, string>; expiresAt: string }> {
  const secret = await feedbackSigningSecret(database, projectId);
  // Whole seconds, so the expiry reported is exactly the one inside the tokens.
  const expiresAt = new Date((Math.floor(now.getTime() / 1000) + request.ttlSeconds) * 1000);
  const tokens = Object.fromEntries(
    request.traceIds.map((traceId) => [traceId, signFeedbackToken({ secret, projectId, traceId, expiresAt })]),
  );
  return { tokens, expiresAt: expiresAt.toISOString() };
}

/** Why feedback for a trace is refused, or null when its token (or the lack of one) is acceptable. */
export function feedbackTokenProblem(
  policy: { projectId: string; secret: string | null; required: boolean },
  event: { traceId: string; feedbackToken?: string | undefined },
  now: Date,
): string | null {
  if (event.feedbackToken === undefined) return policy.required ? "this project requires a feedback token for each event" : null;
  const check: FeedbackTokenCheck = policy.secret
    ? verifyFeedbackToken({ secret: policy.secret, projectId: policy.projectId, traceId: event.traceId, token: event.feedbackToken, now })
    : "invalid";
  if (check === "expired") return "the feedback token has expired";
  if (check === "invalid") return `the feedback token is not valid for trace ${event.traceId}`;
  return null;
}
