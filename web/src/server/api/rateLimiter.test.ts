import { describe, expect, it } from "vitest";
import { chargeRequest, createRateLimiter, publicKeyAddressShare } from "@/server/api/rateLimiter";

describe("createRateLimiter", () => {
  it("allows a burst of the per-minute budget, then asks the caller to wait", () => {
    const limiter = createRateLimiter(3);
    expect([limiter.take("k", 0), limiter.take("k", 0), limiter.take("k", 0)]).toEqual([0, 0, 0]);
    // One token comes back every 20 s at 3 per minute.
    expect(limiter.take("k", 0)).toBe(20);
    expect(limiter.take("k", 15_000)).toBe(5);
  });

  it("refills over time and never beyond the budget", () => {
    const limiter = createRateLimiter(60);
    for (let i = 0; i < 60; i++) limiter.take("k", 0);
    expect(limiter.take("k", 0)).toBe(1);
    expect(limiter.take("k", 1_000)).toBe(0);
    // After an hour idle only 60 are available again, not 3600.
    let allowed = 0;
    while (limiter.take("k", 3_600_000) === 0) allowed++;
    expect(allowed).toBe(60);
  });

  it("keeps separate budgets per key", () => {
    const limiter = createRateLimiter(1);
    expect(limiter.take("a", 0)).toBe(0);
    expect(limiter.take("b", 0)).toBe(0);
    expect(limiter.take("a", 0)).toBe(60);
  });
});

describe("chargeRequest", () => {
  const publicKey = { type: "key", key: { id: "pk-1", kind: "public" } } as const;

  it("gives each client address of a public key its own budget, so one browser's flood leaves others served", () => {
    const limiter = createRateLimiter(10);
    for (let i = 0; i < 10; i++) expect(chargeRequest(limiter, publicKey, "203.0.113.9", 0)).toBe(0);
    expect(chargeRequest(limiter, publicKey, "203.0.113.9", 0)).toBe(6);
    expect(chargeRequest(limiter, publicKey, "198.51.100.7", 0)).toBe(0);
  });

  it("still caps a public key as a whole, at publicKeyAddressShare addresses' worth", () => {
    const limiter = createRateLimiter(10);
    let allowed = 0;
    for (let address = 0; address < publicKeyAddressShare * 2; address++)
      for (let i = 0; i < 10; i++) if (chargeRequest(limiter, publicKey, `10.0.0.${address}`, 0) === 0) allowed++;
    expect(allowed).toBe(10 * publicKeyAddressShare);
  });

  it("keeps one bucket per secret key and per signed-in person, whatever the address", () => {
    const limiter = createRateLimiter(1);
    const secretKey = { type: "key", key: { id: "sk-1", kind: "secret" } } as const;
    expect(chargeRequest(limiter, secretKey, "10.0.0.1", 0)).toBe(0);
    expect(chargeRequest(limiter, secretKey, "10.0.0.2", 0)).toBe(60);
    const person = { type: "session", user: { id: "u-1" } } as const;
    expect(chargeRequest(limiter, person, "10.0.0.1", 0)).toBe(0);
    expect(chargeRequest(limiter, person, "10.0.0.2", 0)).toBe(60);
    expect(chargeRequest(limiter, { type: "anonymous" }, "10.0.0.1", 0)).toBe(0);
  });
});
