import type { AlertChannelTestResult, AlertNotification } from "@/contracts/alerts";
import type { Database } from "@/server/db/client";
import { NotFoundError } from "@/server/errors";
import { alertDeliveryPolicy } from "@/server/alerts/delivery/alertDeliveryPolicy";
import { alertsPageUrl } from "@/server/alerts/delivery/alertRuleUrl";
import { recordAlertAttempt } from "@/server/alerts/delivery/recordAlertAttempt";
import { sendAlertNotification, type AlertSendDependencies } from "@/server/alerts/delivery/sendAlertNotification";

/** A made-up firing of p95 latency: it shows every field a real notification fills. */
export function testAlertNotification(
  projectId: string,
  channelName: string,
  now: Date,
  url = alertsPageUrl(projectId),
): AlertNotification {
  return {
    type: "alert.test",
    timestamp: now.toISOString(),
    data: {
      projectId,
      ruleId: null,
      ruleName: `Test of channel ${channelName}`,
      metric: "latencyP95Ms",
      metricLabel: "Latency p95",
      group: null,
      groupBy: null,
      state: "firing",
      severity: "critical",
      value: 6_200,
      compared: 6_200,
      level: 5_000,
      op: "above",
      relative: false,
      windowSeconds: 1_800,
      since: now.toISOString(),
      url,
    },
  };
}

/**
 * Sends a test notification now, rendered, signed and guarded as real ones are, and
 * answers how it went. It is kept as a `test` delivery and counts on the channel like any
 * attempt: a passing test clears a failing mark. One attempt, never retried.
 */
export async function testAlertChannel(
  database: Database,
  projectId: string,
  channelId: string,
  now: Date,
  dependencies: AlertSendDependencies = {},
): Promise<AlertChannelTestResult> {
  const channel = await database.alertChannel.findFirst({
    where: { projectId, id: channelId },
    select: { id: true, name: true, type: true, url: true, recipients: true, secret: true },
  });
  if (!channel) throw new NotFoundError(`No alert channel ${channelId} in this project`);
  const notification = testAlertNotification(projectId, channel.name, now);
  // Stored as claimed (attempted once, not due), so the delivery job never sends it a second time.
  const delivery = await database.alertDelivery.create({
    data: {
      projectId,
      channelId: channel.id,
      kind: "test",
      payload: notification,
      attempts: 1,
      nextAttemptAt: new Date(now.getTime() + alertDeliveryPolicy.claimSeconds * 1000),
      createdAt: now,
    },
    select: { id: true },
  });
  const outcome = await sendAlertNotification(channel, delivery.id, notification, now, dependencies);
  await recordAlertAttempt(database, { id: delivery.id, channelId: channel.id, attempts: 1 }, outcome, now, { final: true });
  return { delivered: outcome.delivered, status: outcome.status, error: outcome.delivered ? null : outcome.error };
}
