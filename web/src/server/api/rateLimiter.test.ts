import { describe, expect, it } from "vitest";
import { createRateLimiter } from "@/server/api/rateLimiter";

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
