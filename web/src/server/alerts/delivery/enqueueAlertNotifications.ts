import { channelNotificationSchema, type ChannelNotification } from "@/contracts/alerts";
import type { Queryable } from "@/server/db/client";

/** The queue of the delivery job; send it `[{}]` after enqueueing to deliver now instead of within 15 s. */
export const alertDeliveryQueue = "alert-deliveries";

export interface AlertNotificationsToSend {
  projectId: string;
  ruleId: string | null;
  channelIds: string[];
  kind: "firing" | "resolved" | "reminder" | "test" | "rollout";
  notification: ChannelNotification;
  now: Date;
}

/**
 * Queues one delivery per channel (the outbox): inside the caller's transaction, so a
 * state change and its notifications are stored together or not at all. Channels of
 * another project, or deleted since, are skipped. The delivery job sends them.
 */
export async function enqueueAlertNotifications(db: Queryable, input: AlertNotificationsToSend): Promise<void> {
  if (input.channelIds.length === 0) return;
  // A payload that breaks the contract is a bug in the caller: fail its transaction, never a receiver.
  const payload = channelNotificationSchema.parse(input.notification);
  const channels = await db.alertChannel.findMany({
    where: { projectId: input.projectId, id: { in: input.channelIds } },
    select: { id: true },
  });
  await db.alertDelivery.createMany({
    data: channels.map((channel) => ({
      projectId: input.projectId,
      channelId: channel.id,
      ruleId: input.ruleId,
      kind: input.kind,
      payload,
      nextAttemptAt: input.now,
      createdAt: input.now,
    })),
  });
}
