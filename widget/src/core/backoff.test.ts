import { describe, expect, it } from "vitest";
import { retryAfterMs, retryDelayMs } from "./backoff.ts";

describe("retry timing", () => {
  it("doubles from the base delay up to the cap, scaled by the jitter draw", () => {
    const top = () => 1;
    expect([0, 1, 2, 3].map((attempt) => retryDelayMs(attempt, {}, top))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(retryDelayMs(10, {}, top)).toBe(60_000);
    expect(retryDelayMs(2, { baseDelayMs: 100, maxDelayMs: 300 }, top)).toBe(300);
    expect(retryDelayMs(3, {}, () => 0.25)).toBe(2_000);
    expect(retryDelayMs(3, {}, () => 0)).toBe(0);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-11-27T10:00:00Z");
    expect(retryAfterMs("7", now)).toBe(7_000);
    expect(retryAfterMs("Fri, 27 Nov 2026 10:00:30 GMT", now)).toBe(30_000);
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs("soon", now)).toBeNull();
  });
});
