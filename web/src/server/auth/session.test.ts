import { describe, expect, it } from "vitest";
import { usesSecureCookies } from "@/server/auth/session";

const over = (proto: string) => new Headers({ "x-forwarded-proto": proto });

describe("usesSecureCookies", () => {
  it("follows NEXTAUTH_URL when it is set, whatever the request says (TLS ended at a proxy)", () => {
    expect(usesSecureCookies(over("http"), "https://liveloop.example.com")).toBe(true);
    expect(usesSecureCookies(over("https"), "http://localhost:3000")).toBe(false);
  });

  it("follows the URL the request came in on otherwise", () => {
    expect(usesSecureCookies(over("https"), undefined)).toBe(true);
    expect(usesSecureCookies(over("http"), undefined)).toBe(false);
    expect(usesSecureCookies(new Headers(), undefined)).toBe(false);
  });
});
