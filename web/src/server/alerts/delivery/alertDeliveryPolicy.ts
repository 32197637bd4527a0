/** How alert notifications are sent, retried and given up on; one place, so the README and tests agree. */
export const alertDeliveryPolicy = {
  /** A receiver gets this long to answer; a slow one holds one sending slot, never the others. */
  timeoutMs: 10_000,
  /** Waits before the 2nd, 3rd, ... attempt (exponential); after the last one the delivery has failed. */
  backoffSeconds: [30, 120, 600, 1_800, 3_600] as const,
  /** The longest wait a receiver's Retry-After is honoured up to. */
  maxRetryAfterSeconds: 3_600,
  /** Failed attempts in a row (any delivery) after which the channel is shown as failing; a success resets it. */
  failingAfter: 3,
  /** A notification still pending this long after it was queued (the server was down) is dropped, not sent late. */
  staleAfterSeconds: 24 * 3_600,
  /** Deliveries sent at once in one pass. */
  concurrency: 4,
  /** Deliveries claimed per batch, and the most one pass sends (the job comes back every 15 s). */
  batchSize: 25,
  maxPerPass: 200,
  /**
   * How long a claimed delivery is kept from other workers: longer than one attempt can take,
   * so a worker that dies mid-send hands it back (sent at least once) after this.
   */
  claimSeconds: 120,
} as const;

/** A channel with this many failed attempts in a row is failing. */
export const isChannelFailing = (consecutiveFailures: number): boolean => consecutiveFailures >= alertDeliveryPolicy.failingAfter;
