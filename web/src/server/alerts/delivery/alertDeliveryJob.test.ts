import { afterEach, describe, expect, it, vi } from "vitest";
import { createAlertChannel } from "@/server/alerts/alertChannels";
import { alertDeliveryJob } from "@/server/alerts/delivery/alertDeliveryJob";
import { alertDeliveryQueue, enqueueAlertNotifications } from "@/server/alerts/delivery/enqueueAlertNotifications";
import { testAlertNotification } from "@/server/alerts/delivery/testAlertChannel";
import { startJobRunner, type JobRunner } from "@/server/jobs/jobRunner";
import { createProjectWithKeys } from "@/test/factories";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/webhookReceiver";

describe.each(await testDatabaseKinds())("alert delivery job on %s", (kind) => {
  const test = useTestDatabase(kind);
  let runner: JobRunner | undefined;
  let receiver: WebhookReceiver | undefined;
  afterEach(async () => {
    await runner?.stop();
    await receiver?.close();
  });

  it("sends what the evaluator queued when nudged, with the process's own outbound policy", async () => {
    const now = new Date();
    const { project } = await createProjectWithKeys(test.database);
    receiver = await startWebhookReceiver();
    const channel = await createAlertChannel(test.database, project.id, { name: "inside", type: "webhook", url: receiver.url }, now, {
      allowPrivateWebhooks: true,
    });
    await enqueueAlertNotifications(test.database, {
      projectId: project.id,
      ruleId: null,
      channelIds: [channel.id],
      kind: "firing",
      notification: { ...testAlertNotification(project.id, channel.name, now), type: "alert.firing" },
      now,
    });

    runner = await startJobRunner({
      database: test.database,
      jobSql: test.jobSql,
      definitions: [alertDeliveryJob],
      work: true,
      pollingIntervalSeconds: 0.5,
    });
    await runner.context.send(alertDeliveryQueue, [{}]);

    // The job runs with the environment's policy: LIVELOOP_ALLOW_PRIVATE_WEBHOOKS is off, so this receiver is refused.
    await vi.waitFor(
      async () => {
        const delivery = await test.database.alertDelivery.findFirstOrThrow({ where: { projectId: project.id } });
        expect(delivery).toMatchObject({ status: "failed", attempts: 1 });
        expect(delivery.lastError).toMatch(/set LIVELOOP_ALLOW_PRIVATE_WEBHOOKS=1/);
      },
      { timeout: 20_000, interval: 200 },
    );
    expect(receiver.received).toHaveLength(0);
  });
});
