export interface RetryOptions {
  /** First retry delay before jitter (default 1 000 ms); each further attempt doubles it. */
  baseDelayMs?: number;
  /** Longest delay between attempts (default 60 000 ms). */
  maxDelayMs?: number;
}

/**
 * Exponential backoff with "full jitter": a random delay between 0 and base·2^attempt
 * (capped), so many widgets that lost the server together do not return together.
 */
export function retryDelayMs(attempt: number, options: RetryOptions, random: () => number): number {
  const ceiling = Math.min(options.maxDelayMs ?? 60_000, (options.baseDelayMs ?? 1_000) * 2 ** attempt);
  return Math.round(ceiling * random());
}

/** The delay a `Retry-After` header asks for (seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
