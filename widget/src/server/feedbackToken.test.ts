import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signFeedbackToken, verifyFeedbackToken } from "./feedbackToken.ts";

const claims = { secret: "s3cret-signing-key", projectId: "6f1c1f5e-8d1b-4a57-9a8e-0c6f9f0f4b11", traceId: "answer:42" };
const expiresAt = new Date("2026-11-27T12:00:00Z");
const now = new Date("2026-11-27T11:00:00Z");

describe("feedback tokens", () => {
  it("follow the documented format, computed independently here", () => {
    const expires = 1_795_780_800; // 2026-11-27T12:00:00Z
    const mac = createHmac("sha256", claims.secret).update(`v1:${claims.projectId}:${expires}:answer:42`).digest("base64url");
    expect(signFeedbackToken({ ...claims, expiresAt })).toBe(`v1.${expires}.${mac}`);
  });

  it("are valid for their trace and project until they expire", () => {
    const token = signFeedbackToken({ ...claims, expiresAt });
    expect(verifyFeedbackToken({ ...claims, token, now })).toBe("valid");
    expect(verifyFeedbackToken({ ...claims, token, now: expiresAt })).toBe("expired");
  });

  it("refuse another trace, another project, another secret, or a changed expiry", () => {
    const token = signFeedbackToken({ ...claims, expiresAt });
    expect(verifyFeedbackToken({ ...claims, traceId: "answer:43", token, now })).toBe("invalid");
    expect(verifyFeedbackToken({ ...claims, projectId: "00000000-0000-4000-8000-000000000000", token, now })).toBe("invalid");
    expect(verifyFeedbackToken({ ...claims, secret: "other", token, now })).toBe("invalid");
    const [, expires, mac] = token.split(".");
    expect(verifyFeedbackToken({ ...claims, token: `v1.${Number(expires) + 3600}.${mac}`, now })).toBe("invalid");
    expect(verifyFeedbackToken({ ...claims, token: "garbage", now })).toBe("invalid");
  });
});
