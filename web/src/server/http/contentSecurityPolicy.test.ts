import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/proxy";
import { nonceFromPolicy } from "@/server/http/contentSecurityPolicy";

describe("nonceFromPolicy", () => {
  it("reads back the nonce the proxy put in the policy", () => {
    expect(nonceFromPolicy(contentSecurityPolicy("q1w2+e3/r4==", false))).toBe("q1w2+e3/r4==");
  });
  it("has none when the page was rendered without a policy", () => {
    expect(nonceFromPolicy(null)).toBeUndefined();
    expect(nonceFromPolicy("object-src 'none'")).toBeUndefined();
  });
});
