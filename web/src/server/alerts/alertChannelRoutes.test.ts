import { afterEach, describe, expect, it } from "vitest";
import type { AlertChannelTestResult, AlertChannelView } from "@/contracts/alerts";
import type { Database } from "@/server/db/client";
import {
  alertChannelCreateRoute,
  alertChannelDeleteRoute,
  alertChannelListRoute,
  alertChannelTestRoute,
} from "@/server/alerts/alertChannelRoutes";
import { createAlertChannel } from "@/server/alerts/alertChannels";
import { callWithKey, testApiRoute } from "@/test/testApiRoute";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/webhookReceiver";

const now = new Date("2026-11-28T10:00:00.000Z");
const slackUrl = "https://hooks.slack.com/services/T0000AAAA/B0000BBBB/abcdefghijklmnopqrstuvwx";

interface Problem {
  detail: string;
  errors?: { path: (string | number)[]; message: string }[];
}
type Created = AlertChannelView & { secret?: string };

function routes(database: Database) {
  const apiRoute = testApiRoute(database, now);
  return {
    create: apiRoute(alertChannelCreateRoute),
    list: apiRoute(alertChannelListRoute),
    remove: apiRoute(alertChannelDeleteRoute),
    test: apiRoute(alertChannelTestRoute),
  };
}

describe.each(await testDatabaseKinds())("alert channel endpoints on %s", (kind) => {
  const test = useTestDatabase(kind);
  const receivers: WebhookReceiver[] = [];
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
  });

  it("creates a webhook channel whose whsec_ secret is shown once, and lists channels with URLs masked", async () => {
    const { secretKey, project } = await createProjectWithKeys(test.database);
    const api = routes(test.database);

    const webhook = await callWithKey(api.create, secretKey.key, {
      path: "/api/v1/alert-channels",
      body: { name: "pager", type: "webhook", url: "https://alerts.example.com/liveloop/hook?token=s3cr3t" },
    });
    expect(webhook.status).toBe(201);
    const created = (await webhook.json()) as Created;
    expect(created).toMatchObject({
      name: "pager",
      type: "webhook",
      url: "https://alerts.example.com/liveloop/…",
      to: [],
      failing: false,
      consecutiveFailures: 0,
      lastError: null,
      lastDeliveredAt: null,
      rules: 0,
      createdAt: now.toISOString(),
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const slack = await callWithKey(api.create, secretKey.key, {
      path: `/api/v1/projects/${project.id}/alert-channels`,
      params: { projectId: project.id },
      body: { name: "#alerts", type: "slack", url: slackUrl },
    });
    expect(slack.status).toBe(201);
    expect(((await slack.json()) as Created).secret).toBeUndefined();
    const email = await callWithKey(api.create, secretKey.key, {
      path: "/api/v1/alert-channels",
      body: { name: "on-call", type: "email", to: "oncall@example.test" },
    });
    expect(((await email.json()) as Created).to).toEqual(["oncall@example.test"]);

    const listed = await callWithKey(api.list, secretKey.key, { method: "GET", path: "/api/v1/alert-channels" });
    expect(listed.status).toBe(200);
    const text = await listed.text();
    // Neither the signing secret nor the Slack URL (itself a credential) is ever answered again.
    expect(text).not.toContain(created.secret);
    expect(text).not.toContain("secret");
    expect(text).not.toContain("abcdefghij");
    const { data } = JSON.parse(text) as { data: AlertChannelView[] };
    // Made at the same instant here, so in name order.
    expect(data.map((channel) => [channel.name, channel.url])).toEqual([
      ["#alerts", "https://hooks.slack.com/services/…"],
      ["on-call", null],
      ["pager", "https://alerts.example.com/liveloop/…"],
    ]);
  });

  it("refuses a second channel of the same name, and bad channels naming the field, storing nothing", async () => {
    const { secretKey, project } = await createProjectWithKeys(test.database);
    const api = routes(test.database);
    const create = (body: object) => callWithKey(api.create, secretKey.key, { path: "/api/v1/alert-channels", body });
    expect((await create({ name: "ops", type: "slack", url: slackUrl })).status).toBe(201);
    expect((await create({ name: "ops", type: "webhook", url: "https://example.com/hook" })).status).toBe(409);

    const refused: [object, string, RegExp][] = [
      [{ name: "a", type: "webhook" }, "url", /a webhook channel needs a url/],
      [{ name: "b", type: "email" }, "to", /needs to/],
      [{ name: "c", type: "email", to: "not-an-address" }, "to", /./],
      [{ name: "d", type: "slack", url: "ftp://hooks.example.com/x" }, "url", /ftp: URLs are not called/],
      [
        { name: "e", type: "webhook", url: "http://127.0.0.1:8080/hook" },
        "url",
        /127\.0\.0\.1 is a loopback or private address; set LIVELOOP_ALLOW_PRIVATE_WEBHOOKS=1/,
      ],
      [{ name: "f", type: "webhook", url: "http://localhost/hook" }, "url", /loopback or private/],
      [{ name: "g", type: "webhook", url: "http://10.1.2.3/hook" }, "url", /loopback or private/],
      [{ name: "h", type: "webhook", url: "http://169.254.169.254/latest/meta-data" }, "url", /link-local or reserved address/],
      [{ name: "i", type: "slack", url: "http://[::1]:3000/x" }, "url", /loopback or private/],
    ];
    for (const [body, field, message] of refused) {
      const response = await create(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const problem = (await response.json()) as Problem;
      const issue = problem.errors?.find((error) => error.path.join(".") === field);
      expect(issue?.message, JSON.stringify(body)).toMatch(message);
    }
    expect(await test.database.alertChannel.count({ where: { projectId: project.id } })).toBe(1);
  });

  it("lets public keys neither read nor change channels", async () => {
    const { publicKey, project } = await createProjectWithKeys(test.database);
    const api = routes(test.database);
    const create = await callWithKey(api.create, publicKey.key, {
      path: "/api/v1/alert-channels",
      body: { name: "x", type: "slack", url: slackUrl },
    });
    expect(create.status).toBe(403);
    expect((await callWithKey(api.list, publicKey.key, { method: "GET", path: "/api/v1/alert-channels" })).status).toBe(403);
    expect(await test.database.alertChannel.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("deletes and tests only the caller's own channels (404 for another project's)", async () => {
    const mine = await createProjectWithKeys(test.database);
    const theirs = await createProjectWithKeys(test.database);
    const api = routes(test.database);
    const their = await createAlertChannel(test.database, theirs.project.id, { name: "theirs", type: "slack", url: slackUrl }, now);
    const own = await createAlertChannel(test.database, mine.project.id, { name: "mine", type: "slack", url: slackUrl }, now);
    const at = (id: string, suffix = "") => ({ path: `/api/v1/alert-channels/${id}${suffix}`, params: { channelId: id } });

    expect((await callWithKey(api.remove, mine.secretKey.key, { method: "DELETE", ...at(their.id) })).status).toBe(404);
    expect((await callWithKey(api.test, mine.secretKey.key, at(their.id, "/test"))).status).toBe(404);
    expect((await callWithKey(api.remove, mine.secretKey.key, { method: "DELETE", ...at("not-a-uuid") })).status).toBe(404);
    expect(await test.database.alertChannel.count({ where: { id: their.id } })).toBe(1);

    expect((await callWithKey(api.remove, mine.secretKey.key, { method: "DELETE", ...at(own.id) })).status).toBe(204);
    const listed = (await (await callWithKey(api.list, mine.secretKey.key, { method: "GET", path: "/api/v1/alert-channels" })).json()) as {
      data: AlertChannelView[];
    };
    expect(listed.data).toEqual([]);
  });

  it("answers a test with the receiver's verdict: a channel on a private address is refused by the server's own guard", async () => {
    const { secretKey, project } = await createProjectWithKeys(test.database);
    const api = routes(test.database);
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    // Saved while private addresses were allowed; the server now runs without LIVELOOP_ALLOW_PRIVATE_WEBHOOKS.
    const channel = await createAlertChannel(
      test.database,
      project.id,
      { name: "inside", type: "webhook", url: `${receiver.url}/hook` },
      now,
      { allowPrivateWebhooks: true },
    );

    const response = await callWithKey(api.test, secretKey.key, {
      path: `/api/v1/projects/${project.id}/alert-channels/${channel.id}/test`,
      params: { projectId: project.id, channelId: channel.id },
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as AlertChannelTestResult;
    expect(result).toEqual({
      delivered: false,
      status: null,
      error: `not sent: 127.0.0.1 is a loopback or private address; set LIVELOOP_ALLOW_PRIVATE_WEBHOOKS=1 to let this server call loopback and private networks`,
    });
    expect(receiver.received).toHaveLength(0);
    const listed = (await (await callWithKey(api.list, secretKey.key, { method: "GET", path: "/api/v1/alert-channels" })).json()) as {
      data: AlertChannelView[];
    };
    expect(listed.data[0]).toMatchObject({ consecutiveFailures: 1, lastError: result.error });
  });
});
