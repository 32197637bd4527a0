import { describe, expect, it } from "vitest";
import { newWebhookSecret, standardWebhookSignature, verifyStandardWebhook } from "@/server/alerts/delivery/standardWebhooks";

// The reference library's own test vector (standard-webhooks, libraries/javascript): computed
// independently of this code, so a match means receivers using any Standard Webhooks library accept us.
const vector = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};
const at = (seconds: number) => new Date(seconds * 1000);
const headersOf = (signature: string, timestamp = vector.timestamp) => ({
  "webhook-id": vector.id,
  "webhook-timestamp": String(timestamp),
  "webhook-signature": signature,
});

describe("Standard Webhooks signatures", () => {
  it("signs exactly as the specification's reference implementation", () => {
    expect(standardWebhookSignature(vector.secret, vector.id, vector.timestamp, vector.body)).toBe(vector.signature);
  });

  it("makes whsec_ secrets of 32 random bytes, different each time", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it("accepts a genuine request within five minutes either way, from fetch Headers or node:http headers", () => {
    expect(verifyStandardWebhook(vector.secret, headersOf(vector.signature), vector.body, at(vector.timestamp + 299))).toEqual({
      valid: true,
    });
    expect(verifyStandardWebhook(vector.secret, new Headers(headersOf(vector.signature)), vector.body, at(vector.timestamp - 299))).toEqual(
      {
        valid: true,
      },
    );
  });

  it("rejects a replayed (stale) request, one from the future, a tampered body and another secret", () => {
    const headers = headersOf(vector.signature);
    expect(verifyStandardWebhook(vector.secret, headers, vector.body, at(vector.timestamp + 301))).toEqual({
      valid: false,
      reason: "webhook-timestamp is too old (a replay?)",
    });
    expect(verifyStandardWebhook(vector.secret, headers, vector.body, at(vector.timestamp - 301))).toMatchObject({
      valid: false,
      reason: "webhook-timestamp is in the future",
    });
    expect(verifyStandardWebhook(vector.secret, headers, vector.body.replace("2432232314", "2432232315"), at(vector.timestamp))).toEqual({
      valid: false,
      reason: "no webhook-signature matches the body",
    });
    expect(verifyStandardWebhook(newWebhookSecret(), headers, vector.body, at(vector.timestamp)).valid).toBe(false);
    // Changing the timestamp breaks the signature too: it is signed along with the body.
    const moved = headersOf(vector.signature, vector.timestamp + 60);
    expect(verifyStandardWebhook(vector.secret, moved, vector.body, at(vector.timestamp + 60)).valid).toBe(false);
  });

  it("accepts any matching v1 signature of several (secret rotation) and refuses missing or malformed headers", () => {
    const several = `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v1a,abc ${vector.signature}`;
    expect(verifyStandardWebhook(vector.secret, headersOf(several), vector.body, at(vector.timestamp)).valid).toBe(true);
    expect(verifyStandardWebhook(vector.secret, headersOf("v1,"), vector.body, at(vector.timestamp)).valid).toBe(false);
    expect(verifyStandardWebhook(vector.secret, { "webhook-id": vector.id }, vector.body, at(vector.timestamp))).toMatchObject({
      reason: "webhook-id, webhook-timestamp and webhook-signature are required",
    });
    expect(
      verifyStandardWebhook(
        vector.secret,
        { ...headersOf(vector.signature), "webhook-timestamp": "soon" },
        vector.body,
        at(vector.timestamp),
      ),
    ).toMatchObject({ reason: "webhook-timestamp is not a whole number of seconds" });
  });
});
