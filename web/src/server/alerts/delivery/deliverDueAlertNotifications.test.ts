import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { alertNotificationSchema, type AlertNotification } from "@/contracts/alerts";
import { createMailer } from "@/server/mail/mailer";
import { createAlertChannel, listAlertChannels } from "@/server/alerts/alertChannels";
import { alertDeliveryPolicy } from "@/server/alerts/delivery/alertDeliveryPolicy";
import { deliverDueAlertNotifications } from "@/server/alerts/delivery/deliverDueAlertNotifications";
import { enqueueAlertNotifications } from "@/server/alerts/delivery/enqueueAlertNotifications";
import type { AlertSendDependencies } from "@/server/alerts/delivery/sendAlertNotification";
import { verifyStandardWebhook } from "@/server/alerts/delivery/standardWebhooks";
import { testAlertChannel, testAlertNotification } from "@/server/alerts/delivery/testAlertChannel";
import { createProjectWithKeys } from "@/test/factories";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { startSmtpServer } from "@/test/smtpServer";
import { closedPortUrl } from "@/test/fakeOpenAiServer";
import { startWebhookReceiver, type ReceiverAnswer, type ReceivedWebhook, type WebhookReceiver } from "@/test/webhookReceiver";

const t0 = new Date("2026-11-28T10:00:00.000Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
/** The receivers here listen on 127.0.0.1, which only LIVELOOP_ALLOW_PRIVATE_WEBHOOKS (here: the option) lets through. */
const local: AlertSendDependencies = { allowPrivateWebhooks: true };

function firing(projectId: string, ruleName = "p95 latency"): AlertNotification {
  const notification = testAlertNotification(projectId, "unused", t0, `https://liveloop.example.com/projects/${projectId}/alerts/r`);
  return { ...notification, type: "alert.firing", data: { ...notification.data, ruleName } };
}

describe.each(await testDatabaseKinds())("alert notification delivery on %s", (kind) => {
  const test = useTestDatabase(kind);
  const receivers: WebhookReceiver[] = [];
  const receiver = async (answer?: (request: ReceivedWebhook, index: number) => ReceiverAnswer | Promise<ReceiverAnswer>) => {
    const started = await startWebhookReceiver(answer);
    receivers.push(started);
    return started;
  };
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((started) => started.close()));
    // The next test's clock must not find this one's retries due.
    await test.database.alertDelivery.updateMany({ where: { status: "pending" }, data: { status: "failed" } });
  });

  async function project() {
    return (await createProjectWithKeys(test.database)).project.id;
  }
  const webhook = (projectId: string, url: string, name = "hooks") =>
    createAlertChannel(test.database, projectId, { name, type: "webhook", url }, t0, local);
  const enqueue = (projectId: string, channelIds: string[], notification = firing(projectId), now = t0) =>
    enqueueAlertNotifications(test.database, { projectId, ruleId: null, channelIds, kind: "firing", notification, now });
  const deliveries = (projectId: string) =>
    test.database.alertDelivery.findMany({
      where: { projectId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        channelId: true,
        kind: true,
        status: true,
        attempts: true,
        lastStatus: true,
        lastError: true,
        nextAttemptAt: true,
      },
    });
  const channel = async (projectId: string, channelId: string) =>
    (await listAlertChannels(test.database, projectId)).find((candidate) => candidate.id === channelId);

  it("posts the notification signed per Standard Webhooks; the receiver verifies it and rejects a stale or tampered copy", async () => {
    const projectId = await project();
    const other = await project();
    const hooks = await receiver();
    const created = await webhook(projectId, `${hooks.url}/hooks/liveloop`);
    const foreign = await webhook(other, `${hooks.url}/other`);
    const secret = created.secret ?? "";
    // Another project's channel id is skipped, never notified.
    await enqueue(projectId, [created.id, foreign.id]);

    await deliverDueAlertNotifications(test.database, t0, local);

    expect(hooks.received).toHaveLength(1);
    const [request] = hooks.received;
    if (!request) throw new Error("the receiver got nothing");
    const [delivery] = await deliveries(projectId);
    expect(request.path).toBe("/hooks/liveloop");
    expect(request.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": "Liveloop-Alerts/1",
      "webhook-id": delivery?.id,
      "webhook-timestamp": String(t0.getTime() / 1000),
    });
    expect(alertNotificationSchema.parse(JSON.parse(request.body))).toEqual(firing(projectId));
    expect(verifyStandardWebhook(secret, request.headers, request.body, t0)).toEqual({ valid: true });
    // Replayed six minutes later, or with one figure changed, it is refused.
    expect(verifyStandardWebhook(secret, request.headers, request.body, at(360))).toEqual({
      valid: false,
      reason: "webhook-timestamp is too old (a replay?)",
    });
    expect(verifyStandardWebhook(secret, request.headers, request.body.replace("6200", "6100"), t0).valid).toBe(false);

    expect(delivery).toMatchObject({ status: "delivered", attempts: 1, lastStatus: 200, lastError: null });
    expect(await channel(projectId, created.id)).toMatchObject({ failing: false, lastDeliveredAt: t0.toISOString(), lastError: null });
    // Delivered once: a later pass sends nothing again.
    await deliverDueAlertNotifications(test.database, at(3_600), local);
    expect(hooks.received).toHaveLength(1);
  });

  it("retries a failing receiver with backoff under the same webhook-id, each attempt signed at its own time", async () => {
    const projectId = await project();
    const hooks = await receiver((_request, index) => (index < 2 ? { status: index === 0 ? 503 : 500, body: "busy" } : { status: 204 }));
    const created = await webhook(projectId, hooks.url);
    await enqueue(projectId, [created.id]);

    await deliverDueAlertNotifications(test.database, t0, local);
    expect((await deliveries(projectId))[0]).toMatchObject({
      status: "pending",
      attempts: 1,
      lastStatus: 503,
      lastError: "answered HTTP 503: busy",
      nextAttemptAt: at(30),
    });
    await deliverDueAlertNotifications(test.database, at(29), local);
    expect(hooks.received).toHaveLength(1);
    await deliverDueAlertNotifications(test.database, at(30), local);
    expect((await deliveries(projectId))[0]).toMatchObject({ status: "pending", attempts: 2, nextAttemptAt: at(150) });
    await deliverDueAlertNotifications(test.database, at(150), local);

    expect((await deliveries(projectId))[0]).toMatchObject({ status: "delivered", attempts: 3, lastStatus: 204, lastError: null });
    expect(new Set(hooks.received.map((request) => request.headers["webhook-id"])).size).toBe(1);
    expect(hooks.received.map((request) => request.headers["webhook-timestamp"])).toEqual(
      [t0, at(30), at(150)].map((time) => String(time.getTime() / 1000)),
    );
    hooks.received.forEach((request, index) => {
      expect(verifyStandardWebhook(created.secret ?? "", request.headers, request.body, [t0, at(30), at(150)][index] ?? t0).valid).toBe(
        true,
      );
    });
    // Two failures, then a success: the run of failures is over and the channel is healthy.
    expect(await channel(projectId, created.id)).toMatchObject({ failing: false, consecutiveFailures: 0, lastError: null });
  });

  it("gives up on a receiver that is down after the last backoff and marks its channel failing; another channel is still served", async () => {
    const projectId = await project();
    const up = await receiver();
    const downChannel = await webhook(projectId, `${await closedPortUrl()}/hooks`, "down");
    const upChannel = await webhook(projectId, up.url, "up");
    await enqueue(projectId, [downChannel.id, upChannel.id]);

    let now = t0;
    expect(await deliverDueAlertNotifications(test.database, now, local)).toMatchObject({ delivered: 1, retrying: 1 });
    expect(up.received).toHaveLength(1);
    for (const [index, wait] of alertDeliveryPolicy.backoffSeconds.entries()) {
      expect(await channel(projectId, downChannel.id)).toMatchObject({ failing: index + 1 >= alertDeliveryPolicy.failingAfter });
      now = new Date(now.getTime() + wait * 1000);
      await deliverDueAlertNotifications(test.database, now, local);
    }

    const down = (await deliveries(projectId)).find((delivery) => delivery.channelId === downChannel.id);
    expect(down).toMatchObject({ status: "failed", attempts: alertDeliveryPolicy.backoffSeconds.length + 1, lastStatus: null });
    expect(down?.lastError).toMatch(/^could not be reached \(.*ECONNREFUSED/);
    expect(await channel(projectId, downChannel.id)).toMatchObject({
      failing: true,
      consecutiveFailures: alertDeliveryPolicy.backoffSeconds.length + 1,
      lastError: down?.lastError,
    });
    expect(await channel(projectId, upChannel.id)).toMatchObject({ failing: false, lastDeliveredAt: t0.toISOString() });
    expect(up.received).toHaveLength(1);
  });

  it("keeps sending to other channels while a receiver never answers, and counts the silent one as a timeout to retry", async () => {
    const projectId = await project();
    let slowArrived: () => void = () => undefined;
    const slowHasRequest = new Promise<void>((resolve) => {
      slowArrived = resolve;
    });
    const slow = await receiver(() => {
      slowArrived();
      return "hang";
    });
    let slowStillOpen: boolean | null = null;
    // The fast receiver answers only once the slow one holds its request: sent one after the other, this could never happen.
    const fast = await receiver(async () => {
      await slowHasRequest;
      slowStillOpen = slow.abandoned.length === 0;
      return { status: 200 };
    });
    const slowChannel = await webhook(projectId, slow.url, "slow");
    const fastChannel = await webhook(projectId, fast.url, "fast");
    await enqueue(projectId, [slowChannel.id, fastChannel.id]);

    await deliverDueAlertNotifications(test.database, t0, { ...local, timeoutMs: 1_000 });

    expect(slowStillOpen).toBe(true);
    const byChannel = new Map((await deliveries(projectId)).map((delivery) => [delivery.channelId, delivery]));
    expect(byChannel.get(fastChannel.id)).toMatchObject({ status: "delivered" });
    expect(byChannel.get(slowChannel.id)).toMatchObject({ status: "pending", lastError: "no answer within 1 s", nextAttemptAt: at(30) });
  });

  it("fails at once on a 4xx or a redirect, and waits as long as a 429's Retry-After asks", async () => {
    const projectId = await project();
    const elsewhere = await receiver();
    const rejecting = await receiver(() => ({ status: 400, body: '{"error":"bad signature"}' }));
    const redirecting = await receiver(() => ({ status: 308, headers: { location: `${elsewhere.url}/internal` } }));
    const limited = await receiver(() => ({ status: 429, headers: { "retry-after": "600" } }));
    const channels = [
      await webhook(projectId, rejecting.url, "rejecting"),
      await webhook(projectId, redirecting.url, "redirecting"),
      await webhook(projectId, limited.url, "limited"),
    ];
    await enqueue(
      projectId,
      channels.map((created) => created.id),
    );

    await deliverDueAlertNotifications(test.database, t0, local);

    const byChannel = new Map((await deliveries(projectId)).map((delivery) => [delivery.channelId, delivery]));
    expect(byChannel.get(channels[0]?.id ?? "")).toMatchObject({
      status: "failed",
      attempts: 1,
      lastStatus: 400,
      lastError: 'answered HTTP 400: {"error":"bad signature"}',
    });
    expect(byChannel.get(channels[1]?.id ?? "")).toMatchObject({
      status: "failed",
      lastStatus: 308,
      lastError: `answered HTTP 308, a redirect to ${elsewhere.url}/internal; redirects are not followed: give the channel the final URL`,
    });
    expect(elsewhere.received).toHaveLength(0);
    expect(byChannel.get(channels[2]?.id ?? "")).toMatchObject({ status: "pending", lastStatus: 429, nextAttemptAt: at(600) });
    await deliverDueAlertNotifications(test.database, at(3_600), local);
    expect(rejecting.received).toHaveLength(1);
    expect(redirecting.received).toHaveLength(1);
    expect(limited.received).toHaveLength(2);
  });

  it("refuses, after DNS, a name that resolves to loopback or link-local unless LIVELOOP_ALLOW_PRIVATE_WEBHOOKS is set", async () => {
    const projectId = await project();
    const inside = await receiver();
    const port = new URL(inside.url).port;
    // A public-looking name passes the check on save; at delivery it resolves to this machine, or to the cloud metadata service.
    const loopback = await createAlertChannel(
      test.database,
      projectId,
      { name: "lb", type: "webhook", url: `http://hooks.example.test:${port}/x` },
      t0,
    );
    const metadata = await createAlertChannel(
      test.database,
      projectId,
      { name: "md", type: "slack", url: "http://metadata.example.test/latest/meta-data" },
      t0,
    );
    await enqueue(projectId, [loopback.id, metadata.id]);
    const resolve = (host: string) => Promise.resolve(host === "hooks.example.test" ? ["127.0.0.1"] : ["169.254.169.254"]);

    // No allowPrivateWebhooks: the environment's default (off), even though the judges' LIVELOOP_OUTBOUND_ALLOW_PRIVATE is on in tests.
    await deliverDueAlertNotifications(test.database, t0, { resolve });

    const byChannel = new Map((await deliveries(projectId)).map((delivery) => [delivery.channelId, delivery]));
    expect(byChannel.get(loopback.id)).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError:
        "not sent: hooks.example.test (127.0.0.1) is a loopback or private address; set LIVELOOP_ALLOW_PRIVATE_WEBHOOKS=1 to let this server call loopback and private networks",
    });
    expect(byChannel.get(metadata.id)).toMatchObject({
      status: "failed",
      lastError: "not sent: metadata.example.test (169.254.169.254) is a link-local or reserved address, which Liveloop never calls",
    });
    expect(inside.received).toHaveLength(0);
    expect(await channel(projectId, loopback.id)).toMatchObject({
      consecutiveFailures: 1,
      lastError: byChannel.get(loopback.id)?.lastError,
    });
  });

  it("drops a notification still pending a day after it was queued instead of sending it late", async () => {
    const projectId = await project();
    const hooks = await receiver();
    const created = await webhook(projectId, hooks.url);
    await enqueue(projectId, [created.id]);

    // The server was down for a day.
    const pass = await deliverDueAlertNotifications(test.database, at(alertDeliveryPolicy.staleAfterSeconds + 60), local);

    expect(pass.stale).toBeGreaterThanOrEqual(1);
    expect(hooks.received).toHaveLength(0);
    expect((await deliveries(projectId))[0]).toMatchObject({
      status: "failed",
      attempts: 0,
      lastError: "not sent: still pending 24 h after it was queued",
    });
  });

  it("never sends one delivery twice when two workers run at once", async () => {
    const projectId = await project();
    const hooks = await receiver();
    const created = await webhook(projectId, hooks.url);
    for (let index = 0; index < 12; index++) await enqueue(projectId, [created.id], firing(projectId, `rule ${index}`));

    await Promise.all([deliverDueAlertNotifications(test.database, t0, local), deliverDueAlertNotifications(test.database, t0, local)]);

    expect(hooks.received).toHaveLength(12);
    expect(new Set(hooks.received.map((request) => request.headers["webhook-id"])).size).toBe(12);
    expect((await deliveries(projectId)).every((delivery) => delivery.status === "delivered" && delivery.attempts === 1)).toBe(true);
  });

  it("posts a Block Kit message to a Slack channel, unsigned", async () => {
    const projectId = await project();
    const slack = await receiver(() => ({ status: 200, body: "ok" }));
    const created = await createAlertChannel(
      test.database,
      projectId,
      { name: "slack", type: "slack", url: `${slack.url}/services/T0/B0/x` },
      t0,
      local,
    );
    await enqueue(projectId, [created.id]);

    await deliverDueAlertNotifications(test.database, t0, local);

    const body = JSON.parse(slack.received[0]?.body ?? "{}") as { text: string; blocks: { type: string }[] };
    expect(body.text).toBe("Firing (critical): p95 latency: Latency p95 over the last 30 min: 6.20 s (above 5.00 s).");
    expect(body.blocks.map((block) => block.type)).toEqual(["header", "section", "section", "actions"]);
    expect(slack.received[0]?.headers["webhook-signature"]).toBeUndefined();
    expect((await deliveries(projectId))[0]).toMatchObject({ status: "delivered" });
  });

  describe("e-mail", () => {
    const smtp = startSmtpServer();
    let smtpUrl = "";
    beforeAll(async () => {
      smtpUrl = `smtp://127.0.0.1:${await smtp.listen()}`;
    });
    afterAll(() => smtp.close());

    it("sends the notification to every recipient through SMTP", async () => {
      const projectId = await project();
      const created = await createAlertChannel(
        test.database,
        projectId,
        { name: "oncall", type: "email", to: ["oncall@example.test", "lead@example.test", "ONCALL@example.test"] },
        t0,
      );
      expect(created.to).toEqual(["oncall@example.test", "lead@example.test"]);
      await enqueue(projectId, [created.id], firing(projectId, "checkout latency"));

      await deliverDueAlertNotifications(test.database, t0, { mailer: createMailer(smtpUrl, "Liveloop <alerts@liveloop.test>") });

      const mail = smtp.received.find((message) => message.data.includes(projectId));
      expect(mail?.to).toEqual(["oncall@example.test", "lead@example.test"]);
      expect(mail?.data).toContain("Subject: [Liveloop] Firing (critical): checkout latency\r\n");
      expect(mail?.data).toContain("Value:  6.20 s (above 5.00 s)");
      expect(mail?.data).toContain(`Open in Liveloop: https://liveloop.example.com/projects/${projectId}/alerts/r`);
      expect((await deliveries(projectId))[0]).toMatchObject({ status: "delivered", lastStatus: null });
    });

    it("fails an e-mail delivery at once, saying why, when SMTP_URL is not set", async () => {
      const projectId = await project();
      const created = await createAlertChannel(test.database, projectId, { name: "mail", type: "email", to: "oncall@example.test" }, t0);
      await enqueue(projectId, [created.id]);

      // No mailer given: the process's, and SMTP_URL is unset in tests.
      await deliverDueAlertNotifications(test.database, t0);

      expect((await deliveries(projectId))[0]).toMatchObject({
        status: "failed",
        attempts: 1,
        lastError: "SMTP_URL is not set: this server cannot send e-mail",
      });
      expect(await channel(projectId, created.id)).toMatchObject({ lastError: "SMTP_URL is not set: this server cannot send e-mail" });
    });
  });

  it("sends a test notification at once, records it as a test delivery and counts it on the channel", async () => {
    const projectId = await project();
    let healthy = false;
    const hooks = await receiver(() => (healthy ? { status: 200 } : { status: 500, body: "down for maintenance" }));
    const created = await webhook(projectId, hooks.url, "ops");

    expect(await testAlertChannel(test.database, projectId, created.id, t0, local)).toEqual({
      delivered: false,
      status: 500,
      error: "answered HTTP 500: down for maintenance",
    });
    expect(await channel(projectId, created.id)).toMatchObject({
      consecutiveFailures: 1,
      lastError: "answered HTTP 500: down for maintenance",
    });
    healthy = true;
    expect(await testAlertChannel(test.database, projectId, created.id, at(60), local)).toEqual({
      delivered: true,
      status: 200,
      error: null,
    });

    const test2 = hooks.received[1];
    const payload = alertNotificationSchema.parse(JSON.parse(test2?.body ?? "{}"));
    expect(payload).toMatchObject({ type: "alert.test", data: { ruleName: "Test of channel ops", ruleId: null, projectId } });
    expect(verifyStandardWebhook(created.secret ?? "", test2?.headers ?? {}, test2?.body ?? "", at(60)).valid).toBe(true);
    expect(await channel(projectId, created.id)).toMatchObject({
      consecutiveFailures: 0,
      failing: false,
      lastDeliveredAt: at(60).toISOString(),
    });
    expect((await deliveries(projectId)).map((delivery) => [delivery.kind, delivery.status])).toEqual([
      ["test", "failed"],
      ["test", "delivered"],
    ]);
    // A test is one attempt: the delivery job never sends it again.
    await deliverDueAlertNotifications(test.database, at(7_200), local);
    expect(hooks.received).toHaveLength(2);
  });
});
