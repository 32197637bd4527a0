import type { Database } from "@/server/db/client";
import { alertDeliveryPolicy } from "@/server/alerts/delivery/alertDeliveryPolicy";
import type { AttemptOutcome, FailedAttempt } from "@/server/alerts/delivery/sendAlertNotification";

export interface AttemptedDelivery {
  id: string;
  channelId: string;
  /** Attempts made, this one included. */
  attempts: number;
}

/** When to try again after a failed attempt, or null when it is the last: the receiver's Retry-After, else the backoff. */
function nextAttemptAt(outcome: FailedAttempt, attempts: number, now: Date): Date | null {
  const backoff = alertDeliveryPolicy.backoffSeconds[attempts - 1];
  if (!outcome.retry || backoff === undefined) return null;
  return new Date(now.getTime() + (outcome.retryAfterSeconds ?? backoff) * 1000);
}

/**
 * Stores an attempt on the delivery (delivered, retried later, or failed) and on its
 * channel: a success resets the channel's run of failures, each failure adds to it, and
 * `alertDeliveryPolicy.failingAfter` in a row marks the channel failing. `final`: no retry
 * whatever the outcome (a test notification is one attempt). Returns the delivery's status.
 */
export async function recordAlertAttempt(
  database: Database,
  delivery: AttemptedDelivery,
  outcome: AttemptOutcome,
  now: Date,
  { final = false }: { final?: boolean } = {},
): Promise<"delivered" | "pending" | "failed"> {
  const retryAt = outcome.delivered || final ? null : nextAttemptAt(outcome, delivery.attempts, now);
  // updateMany: the channel (and with it the delivery) may have been deleted while sending.
  await database.$transaction([
    database.alertDelivery.updateMany({
      where: { id: delivery.id },
      data: outcome.delivered
        ? { status: "delivered", deliveredAt: now, lastStatus: outcome.status, lastError: null }
        : { status: retryAt ? "pending" : "failed", nextAttemptAt: retryAt ?? now, lastStatus: outcome.status, lastError: outcome.error },
    }),
    database.alertChannel.updateMany({
      where: { id: delivery.channelId },
      data: outcome.delivered
        ? { consecutiveFailures: 0, lastError: null, lastDeliveredAt: now }
        : { consecutiveFailures: { increment: 1 }, lastError: outcome.error },
    }),
  ]);
  return outcome.delivered ? "delivered" : retryAt ? "pending" : "failed";
}
