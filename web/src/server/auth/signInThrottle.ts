import type { Queryable } from "@/server/db/client";

/** How one throttle key counts failures: `free` misses a window, then a doubling wait. */
export interface ThrottleRule {
  free: number;
  baseBlockMs: number;
  maxBlockMs: number;
  windowMs: number;
}

/**
 * Per email and client address: 5 free misses, then 30 s doubling to 15 min. A stranger
 * guessing from elsewhere therefore never locks the real user out of their own address.
 */
export const perAddressRule: ThrottleRule = { free: 5, baseBlockMs: 30_000, maxBlockMs: 15 * 60_000, windowMs: 60 * 60_000 };

/**
 * Per email from everywhere: a slower limit against guesses spread over many addresses.
 * It takes 100 misses within an hour to pause password sign-in for that email, for 15
 * minutes a time, and the count starts afresh each hour.
 */
export const perEmailRule: ThrottleRule = { free: 100, baseBlockMs: 15 * 60_000, maxBlockMs: 15 * 60_000, windowMs: 60 * 60_000 };

/**
 * Per client address, whatever the e-mail: one address trying many e-mails (credential
 * stuffing) pays for at most this many password checks an hour. Successful sign-ins give
 * their attempt back, so an office behind one address is not throttled by its own people.
 */
export const perClientRule: ThrottleRule = { free: 50, baseBlockMs: 60_000, maxBlockMs: 15 * 60_000, windowMs: 60 * 60_000 };

export function blockAfterFailures(rule: ThrottleRule, failures: number): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxBlockMs, rule.baseBlockMs * 2 ** (failures - rule.free));
}

/**
 * Counts an attempt against `key` before the password is checked, in one statement, so
 * parallel guesses cannot all read the same old count: an attempt is allowed only when
 * the key is not blocked at that moment, and the attempt that reaches the limit sets the
 * block for the ones after it. Returns false when the key is blocked.
 */
export async function takeSignInAttempt(database: Queryable, key: string, rule: ThrottleRule, now: Date): Promise<boolean> {
  const windowStart = new Date(now.getTime() - rule.windowMs);
  await database.$executeRaw`
    INSERT INTO sign_in_throttles (key, failures, window_started_at, last_failure_at)
    VALUES (${key}, 0, ${now}, ${now})
    ON CONFLICT (key) DO NOTHING`;
  const rows = await database.$queryRaw<{ failures: number }[]>`
    WITH counted AS (
      SELECT key, CASE WHEN window_started_at <= ${windowStart} THEN 1 ELSE failures + 1 END AS failures,
             CASE WHEN window_started_at <= ${windowStart} THEN ${now}::timestamptz ELSE window_started_at END AS window_started_at
      FROM sign_in_throttles WHERE key = ${key} FOR UPDATE
    )
    UPDATE sign_in_throttles AS t SET
      failures = counted.failures,
      window_started_at = counted.window_started_at,
      last_failure_at = ${now},
      blocked_until = CASE WHEN counted.failures >= ${rule.free}
        THEN ${now}::timestamptz + LEAST(${rule.maxBlockMs}::float8, ${rule.baseBlockMs}::float8 * power(2, counted.failures - ${rule.free})) * interval '1 millisecond'
        ELSE NULL END
    FROM counted
    WHERE t.key = counted.key AND (t.blocked_until IS NULL OR t.blocked_until <= ${now})
    RETURNING t.failures`;
  return rows.length > 0;
}

/** Gives back the attempt a successful sign-in took from `key` (see perClientRule). */
export async function forgiveSignInAttempt(database: Queryable, key: string): Promise<void> {
  await database.$executeRaw`UPDATE sign_in_throttles SET failures = GREATEST(failures - 1, 0) WHERE key = ${key}`;
}

/** Forgets the misses of `key` after a successful sign-in. */
export async function clearSignInAttempts(database: Queryable, key: string): Promise<void> {
  await database.signInThrottle.deleteMany({ where: { key } });
}
