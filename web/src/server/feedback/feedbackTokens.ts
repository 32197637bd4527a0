import { randomBytes } from "node:crypto";
import { signFeedbackToken, verifyFeedbackToken, type FeedbackTokenCheck } from "@liveloop/widget/server";
import type { Queryable } from "@/server/db/client";
import { forgetFeedbackPolicy } from "@/server/feedback/feedbackPolicy";

/** A fresh signing secret: 256 random bits. Projects get one when they are created. */
export function newFeedbackSigningSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** The project's signing secret as stored, for pages that show it: reading never creates one. */
export async function storedFeedbackSigningSecret(database: Queryable, projectId: string): Promise<string | null> {
  const project = await database.project.findUnique({ where: { id: projectId }, select: { feedbackSigningSecret: true } });
  return project?.feedbackSigningSecret ?? null;
}

/**
 * The project's signing secret, for write paths that sign (minting tokens is a POST).
 * Projects get theirs when created; one made before that (no data migration can draw a
 * strong random secret in SQL on every database we run) gets it here, on its first
 * signing. Concurrent first uses race on `WHERE feedback_signing_secret IS NULL`: one
 * write wins and everyone reads it.
 */
export async function feedbackSigningSecret(database: Queryable, projectId: string): Promise<string> {
  const stored = await storedFeedbackSigningSecret(database, projectId);
  if (stored) return stored;
  await database.project.updateMany({
    where: { id: projectId, feedbackSigningSecret: null },
    data: { feedbackSigningSecret: newFeedbackSigningSecret() },
  });
  forgetFeedbackPolicy(projectId);
  const created = await storedFeedbackSigningSecret(database, projectId);
  if (!created) throw new Error("feedback signing secret was not stored");
  return created;
}

/** Replaces the signing secret (or creates a project's first): every token minted before stops being valid. */
export async function rotateFeedbackSigningSecret(database: Queryable, projectId: string): Promise<void> {
  await database.project.update({ where: { id: projectId }, data: { feedbackSigningSecret: newFeedbackSigningSecret() } });
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
