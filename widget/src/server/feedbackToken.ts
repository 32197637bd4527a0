import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Feedback tokens authorise feedback on one answer, for a while: stronger than the
 * project-wide public key, which anyone can read from the page.
 *
 * Format: `v1.<expires>.<signature>`, where `expires` is a Unix time in seconds and
 * `signature` is base64url(HMAC-SHA256(secret, "v1:<projectId>:<expires>:<traceId>")).
 * The trace id comes last because it is the only field that may contain a colon.
 * The secret is the project's feedback signing secret (Settings → Feedback tokens),
 * which is separate from API keys: those are stored only as hashes and cannot sign.
 */
export interface FeedbackTokenClaims {
  secret: string;
  projectId: string;
  traceId: string;
}

const version = "v1";

function signature(claims: FeedbackTokenClaims, expires: number): string {
  return createHmac("sha256", claims.secret).update(`${version}:${claims.projectId}:${expires}:${claims.traceId}`).digest("base64url");
}

/** Mints a token for one trace, valid until `expiresAt` (kept to the second). */
export function signFeedbackToken(claims: FeedbackTokenClaims & { expiresAt: Date }): string {
  const expires = Math.floor(claims.expiresAt.getTime() / 1000);
  return `${version}.${expires}.${signature(claims, expires)}`;
}

export type FeedbackTokenCheck = "valid" | "expired" | "invalid";

/** Checks a token against the trace and project it claims to cover, in constant time. */
export function verifyFeedbackToken(claims: FeedbackTokenClaims & { token: string; now: Date }): FeedbackTokenCheck {
  const match = /^v1\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(claims.token);
  if (!match?.[1] || !match[2]) return "invalid";
  const expires = Number(match[1]);
  const expected = Buffer.from(signature(claims, expires));
  const given = Buffer.from(match[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "invalid";
  return expires * 1000 <= claims.now.getTime() ? "expired" : "valid";
}
