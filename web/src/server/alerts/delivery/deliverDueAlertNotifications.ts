import { channelNotificationSchema } from "@/contracts/alerts";
import type { Database } from "@/server/db/client";
import { createConcurrencyLimit } from "@/server/evaluation/judge/concurrencyLimit";
import { alertDeliveryPolicy } from "@/server/alerts/delivery/alertDeliveryPolicy";
import { recordAlertAttempt } from "@/server/alerts/delivery/recordAlertAttempt";
import {
  sendAlertNotification,
  type AlertChannelTarget,
  type AlertSendDependencies,
  type AttemptOutcome,
} from "@/server/alerts/delivery/sendAlertNotification";

interface ClaimedDelivery extends AlertChannelTarget {
  id: string;
  channelId: string;
  payload: unknown;
  attempts: number;
}

/**
 * Takes up to `limit` due deliveries and counts this attempt on them. The claim moves
 * their next attempt past the time a send can take, in the same statement that picks them
 * (`FOR UPDATE SKIP LOCKED`): two workers never take one delivery, and one whose worker
 * died comes due again by itself.
 */
async function claimDueDeliveries(database: Database, now: Date, limit: number): Promise<ClaimedDelivery[]> {
  const claimedUntil = new Date(now.getTime() + alertDeliveryPolicy.claimSeconds * 1000);
  return database.$queryRaw<ClaimedDelivery[]>`
    UPDATE alert_deliveries d SET attempts = d.attempts + 1, next_attempt_at = ${claimedUntil}
    FROM alert_channels c
    WHERE c.id = d.channel_id AND d.id IN (
      SELECT id FROM alert_deliveries
      WHERE status = 'pending' AND next_attempt_at <= ${now}
      ORDER BY next_attempt_at, created_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING d.id, d.channel_id AS "channelId", d.payload, d.attempts, c.type::text AS type, c.url, c.recipients, c.secret`;
}

/** Gives up on notifications queued too long ago (the server was down): news of a day ago is noise, not an alert. */
async function dropStaleDeliveries(database: Database, now: Date): Promise<number> {
  const staleBefore = new Date(now.getTime() - alertDeliveryPolicy.staleAfterSeconds * 1000);
  const { count } = await database.alertDelivery.updateMany({
    where: { status: "pending", createdAt: { lte: staleBefore } },
    data: { status: "failed", lastError: `not sent: still pending ${alertDeliveryPolicy.staleAfterSeconds / 3_600} h after it was queued` },
  });
  return count;
}

export interface AlertDeliveryPass {
  delivered: number;
  /** Failed attempts that will be tried again. */
  retrying: number;
  /** Given up on: out of attempts, or an answer that will not change. */
  failed: number;
  stale: number;
}

/**
 * One pass of the outbox: drops stale deliveries, then sends every due one, a few at a
 * time (a receiver that never answers holds one slot until its timeout, never the other
 * channels), and records each attempt. Safe to run from several processes at once.
 */
export async function deliverDueAlertNotifications(
  database: Database,
  now: Date,
  dependencies: AlertSendDependencies = {},
): Promise<AlertDeliveryPass> {
  const pass: AlertDeliveryPass = { delivered: 0, retrying: 0, failed: 0, stale: await dropStaleDeliveries(database, now) };
  const limit = createConcurrencyLimit(alertDeliveryPolicy.concurrency);
  for (let sent = 0; sent < alertDeliveryPolicy.maxPerPass;) {
    const claimed = await claimDueDeliveries(database, now, alertDeliveryPolicy.batchSize);
    if (claimed.length === 0) break;
    sent += claimed.length;
    await Promise.all(
      claimed.map((delivery) =>
        limit(async () => {
          const notification = channelNotificationSchema.safeParse(delivery.payload);
          const outcome: AttemptOutcome = notification.success
            ? await sendAlertNotification(delivery, delivery.id, notification.data, now, dependencies)
            : {
                delivered: false,
                status: null,
                error: "not sent: the stored notification does not match the alerts contract",
                retry: false,
              };
          const status = await recordAlertAttempt(database, delivery, outcome, now);
          pass[status === "pending" ? "retrying" : status] += 1;
        }),
      ),
    );
  }
  return pass;
}
