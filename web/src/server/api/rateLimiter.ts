/**
 * A token bucket per key: `perMinute` requests a minute on average, bursts up to the
 * same number. Kept in process memory: with several web processes each enforces its own
 * share, which is acceptable for a limit whose job is to stop a runaway client.
 */
export interface RateLimiter {
  /** Takes one token; returns 0 when allowed, else the seconds until one is available. */
  take(key: string, nowMs: number): number;
}

export function createRateLimiter(perMinute: number, maxKeys = 50_000): RateLimiter {
  const buckets = new Map<string, { tokens: number; updatedMs: number }>();
  const refillPerMs = perMinute / 60_000;
  return {
    take(key, nowMs) {
      const bucket = buckets.get(key) ?? { tokens: perMinute, updatedMs: nowMs };
      bucket.tokens = Math.min(perMinute, bucket.tokens + (nowMs - bucket.updatedMs) * refillPerMs);
      bucket.updatedMs = nowMs;
      if (buckets.size >= maxKeys && !buckets.has(key)) buckets.clear();
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
    },
  };
}
