/** First wait before a retry, and the most any wait grows to. */
export const backoffBaseMs = 1_000;
export const backoffCapMs = 30_000;

/**
 * Wait before retry number `attempt` (1 = the first retry): exponential, with "equal
 * jitter" (half fixed, half random) so judges that failed together do not all come back
 * in the same instant, yet each still waits at least half its step.
 */
export function backoffDelayMs(attempt: number, random: () => number): number {
  const step = Math.min(backoffCapMs, backoffBaseMs * 2 ** (attempt - 1));
  return step / 2 + random() * (step / 2);
}
