import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { contentSecurityPolicy, proxy } from "@/proxy";

describe("the console's Content-Security-Policy", () => {
  it("lets only scripts with this response's nonce run, and forbids framing, plugins, foreign <base> and form targets", () => {
    const policy = contentSecurityPolicy("abc123", false);
    expect(policy.split("; ")).toEqual([
      "script-src 'self' 'nonce-abc123' 'strict-dynamic'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ]);
    expect(contentSecurityPolicy("abc123", true)).toContain("'unsafe-eval'");
  });

  it("draws a fresh nonce per request and hands the same policy to Next (request) and the browser (response)", () => {
    const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];
    const first = proxy(new NextRequest("http://liveloop.test/projects"));
    const second = proxy(new NextRequest("http://liveloop.test/projects"));
    const policy = first.headers.get("content-security-policy");
    expect(nonceOf(policy)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(second.headers.get("content-security-policy"))).not.toBe(nonceOf(policy));
    // NextResponse.next({ request: { headers } }) forwards overridden request headers this way.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
  });
});
