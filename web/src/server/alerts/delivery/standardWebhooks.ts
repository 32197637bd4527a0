// Signing per Standard Webhooks 1.0 (standardwebhooks.com): HMAC-SHA256 over
// "{webhook-id}.{webhook-timestamp}.{body}", keyed by the base64 part of a whsec_ secret,
// sent as "v1,<base64>" in webhook-signature. Receivers verify with any Standard Webhooks
// library or the README's snippet, which verifyStandardWebhook mirrors.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const secretPrefix = "whsec_";
/** The spec asks for at least 24 random bytes. */
const secretBytes = 32;

/** A new signing secret, shown once when a webhook channel is made. */
export function newWebhookSecret(): string {
  return `${secretPrefix}${randomBytes(secretBytes).toString("base64")}`;
}

const secretKey = (secret: string): Buffer =>
  Buffer.from(secret.startsWith(secretPrefix) ? secret.slice(secretPrefix.length) : secret, "base64");

/** The webhook-signature value of one attempt: `v1,` and the base64 HMAC-SHA256 of id, timestamp and body. */
export function standardWebhookSignature(secret: string, msgId: string, timestampSeconds: number, body: string): string {
  return `v1,${createHmac("sha256", secretKey(secret)).update(`${msgId}.${timestampSeconds}.${body}`).digest("base64")}`;
}

export type WebhookVerification = { valid: true } | { valid: false; reason: string };

/** Request headers as fetch (`Headers`) or node:http (`IncomingHttpHeaders`, lower-case names) hand them over. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * What a receiver checks: the signature over the exact body received (before any JSON
 * parsing) and a timestamp within `toleranceSeconds` of now either way, so a captured
 * request cannot be replayed later. The header may carry several signatures (secret rotation).
 */
export function verifyStandardWebhook(
  secret: string,
  headers: WebhookHeaders,
  body: string,
  now: Date,
  toleranceSeconds = 300,
): WebhookVerification {
  const id = header(headers, "webhook-id");
  const timestamp = header(headers, "webhook-timestamp");
  const signatures = header(headers, "webhook-signature");
  if (!id || !timestamp || !signatures) return { valid: false, reason: "webhook-id, webhook-timestamp and webhook-signature are required" };
  if (!/^\d+$/.test(timestamp)) return { valid: false, reason: "webhook-timestamp is not a whole number of seconds" };
  const skew = Number(timestamp) - Math.floor(now.getTime() / 1000);
  if (skew < -toleranceSeconds) return { valid: false, reason: "webhook-timestamp is too old (a replay?)" };
  if (skew > toleranceSeconds) return { valid: false, reason: "webhook-timestamp is in the future" };
  const expected = Buffer.from(standardWebhookSignature(secret, id, Number(timestamp), body).slice("v1,".length), "base64");
  for (const signature of signatures.split(" ")) {
    const [version, encoded] = signature.split(",", 2);
    if (version !== "v1" || encoded === undefined) continue;
    const given = Buffer.from(encoded, "base64");
    // Constant-time comparison, so response timing cannot be used to forge a signature byte by byte.
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { valid: true };
  }
  return { valid: false, reason: "no webhook-signature matches the body" };
}
