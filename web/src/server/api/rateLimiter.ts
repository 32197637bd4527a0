/**
 * A token bucket per key: `perMinute` requests a minute on average, bursts up to the
 * same number. Kept in process memory: with several web processes each enforces its own
 * share, which is acceptable for a limit whose job is to stop a runaway client.
 */
export interface RateLimiter {
  /**
   * Takes `cost` tokens (one request by default); returns 0 when allowed, else the
   * seconds until enough are available.
   */
  take(key: string, nowMs: number, cost?: number): number;
}

export function createRateLimiter(perMinute: number, maxKeys = 50_000): RateLimiter {
  const buckets = new Map<string, { tokens: number; updatedMs: number }>();
  const refillPerMs = perMinute / 60_000;
  return {
    take(key, nowMs, cost = 1) {
      const bucket = buckets.get(key) ?? { tokens: perMinute, updatedMs: nowMs };
      bucket.tokens = Math.min(perMinute, bucket.tokens + (nowMs - bucket.updatedMs) * refillPerMs);
      bucket.updatedMs = nowMs;
      if (buckets.size >= maxKeys && !buckets.has(key)) buckets.clear();
      buckets.set(key, bucket);
      // Fractional costs add up with rounding error; a billionth of a token is no abuse.
      if (bucket.tokens + 1e-9 >= cost) {
        bucket.tokens -= cost;
        return 0;
      }
      return Math.max(1, Math.ceil((cost - bucket.tokens) / refillPerMs / 1000));
    },
  };
}

/** Who a request is charged to, as far as rate limits are concerned. */
export type RateLimitedCaller =
  { type: "anonymous" } | { type: "key"; key: { id: string; kind: "public" | "secret" } } | { type: "session"; user: { id: string } };

/**
 * How many client addresses' worth of requests a public key may take in all: one page
 * can be open in many browsers at once, so one flooding browser must not spend the
 * budget of every other visitor, yet a flood from many addresses still meets a ceiling.
 */
export const publicKeyAddressShare = 20;

/**
 * Charges one request. A public key is shared by every visitor of a site, so it is
 * limited per client address (the full per-minute budget each) and, as a ceiling, per key
 * (`publicKeyAddressShare` times that); secret keys and signed-in people have one bucket
 * each. Returns 0 when allowed, else the seconds to wait.
 */
export function chargeRequest(limiter: RateLimiter, caller: RateLimitedCaller, clientAddress: string, nowMs: number): number {
  if (caller.type === "anonymous") return 0;
  if (caller.type === "session") return limiter.take(`user:${caller.user.id}`, nowMs);
  if (caller.key.kind === "secret") return limiter.take(`key:${caller.key.id}`, nowMs);
  const perAddress = limiter.take(`key:${caller.key.id}@${clientAddress}`, nowMs);
  if (perAddress > 0) return perAddress;
  return limiter.take(`key:${caller.key.id}`, nowMs, 1 / publicKeyAddressShare);
}
