import { defineJob } from "@/server/jobs/jobDefinition";
import { deliverDueAlertNotifications } from "@/server/alerts/delivery/deliverDueAlertNotifications";
import { alertDeliveryQueue } from "@/server/alerts/delivery/enqueueAlertNotifications";

/**
 * Sends queued alert notifications every 15 s, and at once when the evaluator sends this
 * queue a job after enqueueing. Stately: one pass at a time (several processes could also
 * share the work safely: deliveries are claimed with SKIP LOCKED).
 */
export const alertDeliveryJob = defineJob({
  queue: alertDeliveryQueue,
  title: "Alert notifications",
  policy: "stately",
  everySeconds: 15,
  // A failed pass (the database went away) is simply the next pass's work.
  retryLimit: 1,
  retryDelaySeconds: 5,
  // A pass sends at most maxPerPass deliveries, a few at a time, each within 10 s.
  expireInSeconds: 15 * 60,
  handle: async (_data, { database, now }) => {
    await deliverDueAlertNotifications(database, now());
  },
});
