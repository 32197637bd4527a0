import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import type { FeedbackEvent } from "@liveloop/widget";
import { signFeedbackToken } from "@liveloop/widget/server";
import type { RouteHandler } from "@/server/api/route";
import { testApiRoute } from "@/test/testApiRoute";
import { revokeApiKey } from "@/server/keys/apiKeys";
import { feedbackIngestRoute, feedbackListRoute, feedbackTokensRoute } from "@/server/feedback/feedbackRoutes";
import { feedbackSigningSecret, mintFeedbackTokens, rotateFeedbackSigningSecret } from "@/server/feedback/feedbackTokens";
import type { Database } from "@/server/db/client";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";

const origin = "https://chat.example.test";
const now = new Date("2026-11-27T10:00:00.000Z");

function routes(database: Database) {
  const apiRoute = testApiRoute(database, now);
  return { ingest: apiRoute(feedbackIngestRoute), list: apiRoute(feedbackListRoute), tokens: apiRoute(feedbackTokensRoute) };
}

function send(
  handler: RouteHandler,
  init: { key?: string; query?: string; origin?: string; body?: string; contentType?: string; method?: string },
) {
  const headers: Record<string, string> = { "content-type": init.contentType ?? "application/json" };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  if (init.origin) headers.origin = init.origin;
  const request = new NextRequest(`http://liveloop.test/api/v1/feedback${init.query ?? ""}`, {
    method: init.method ?? "POST",
    headers,
    body: init.method === "GET" ? null : (init.body ?? null),
    duplex: "half",
  });
  return handler(request, {});
}

function event(fields: Partial<FeedbackEvent> = {}): FeedbackEvent {
  return { id: randomUUID(), type: "thumb", value: -1, traceId: "answer-1", timestamp: "2026-11-27T09:59:00.000Z", ...fields };
}

const batch = (...events: unknown[]) => JSON.stringify({ events });

interface BatchAnswer {
  accepted: string[];
  duplicates: string[];
  rejected: { id: string | null; index: number; status: number; message: string }[];
}

describe.each(await testDatabaseKinds())("feedback endpoints on %s", (kind) => {
  const test = useTestDatabase(kind);
  const storedCount = (projectId: string) => test.database.feedbackEvent.count({ where: { projectId } });

  it("stores a browser's batch from an allowed origin, with CORS, and lists it newest first", async () => {
    const { project, publicKey, secretKey } = await createProjectWithKeys(test.database, { allowedOrigins: [origin] });
    const { ingest, list } = routes(test.database);
    const thumb = event({ timestamp: "2026-11-27T09:58:00.000Z", sessionId: "s-1", userId: "u-1" });
    const reasons = event({ type: "reasons", value: undefined, reasons: ["Wrong answer", "Too long"] });
    const comment = event({
      type: "comment",
      value: undefined,
      comment: "It cited the 2019 policy.",
      metadata: { page: "/help" },
      timestamp: "2026-11-27T09:59:30.000Z",
    });
    const response = await send(ingest, { key: publicKey.key, origin, body: batch(thumb, reasons, comment) });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(origin);
    expect(await response.json()).toEqual({ accepted: [thumb.id, reasons.id, comment.id], duplicates: [], rejected: [] });

    const listed = await send(list, { key: secretKey.key, method: "GET", query: "?traceId=answer-1" });
    expect(listed.status).toBe(200);
    const { data } = (await listed.json()) as { data: { id: string; type: string; reasons: string[]; comment: string | null }[] };
    expect(data.map((row) => row.id)).toEqual([comment.id, reasons.id, thumb.id]);
    expect(data.at(-1)).toMatchObject({ id: thumb.id, type: "thumb", value: -1, sessionId: "s-1", userId: "u-1" });
    expect(data.find((row) => row.id === reasons.id)?.reasons).toEqual(["Wrong answer", "Too long"]);
    expect(data.find((row) => row.id === comment.id)).toMatchObject({ comment: "It cited the 2019 policy.", metadata: { page: "/help" } });
    expect(await storedCount(project.id)).toBe(3);
  });

  it("takes the key from ?key= with a text/plain body, as navigator.sendBeacon sends it", async () => {
    const { project, publicKey } = await createProjectWithKeys(test.database, { allowedOrigins: [origin] });
    const response = await send(routes(test.database).ingest, {
      query: `?key=${publicKey.key}`,
      origin,
      contentType: "text/plain;charset=UTF-8",
      body: batch(event()),
    });
    expect(response.status).toBe(200);
    expect(await storedCount(project.id)).toBe(1);
  });

  it("stores a batch replayed ten times once, answering the replays as duplicates", async () => {
    const { project, publicKey } = await createProjectWithKeys(test.database, { allowedOrigins: [origin] });
    const events = [event(), event({ type: "rating", value: 4 }), event({ type: "copy", value: undefined })];
    const answers: BatchAnswer[] = [];
    for (let i = 0; i < 10; i++) {
      const response = await send(routes(test.database).ingest, { key: publicKey.key, origin, body: batch(...events) });
      expect(response.status).toBe(200);
      answers.push((await response.json()) as BatchAnswer);
    }
    const ids = events.map((e) => e.id);
    expect(answers[0]).toEqual({ accepted: ids, duplicates: [], rejected: [] });
    for (const answer of answers.slice(1)) expect(answer).toEqual({ accepted: [], duplicates: ids, rejected: [] });
    expect(await storedCount(project.id)).toBe(3);
  });

  it("refuses missing, unknown and revoked keys (401), and a public key on the secret-only list (403)", async () => {
    const { project, publicKey, secretKey } = await createProjectWithKeys(test.database, { allowedOrigins: [origin] });
    const { ingest, list } = routes(test.database);
    expect((await send(ingest, { origin, body: batch(event()) })).status).toBe(401);
    expect((await send(ingest, { key: "pk_unknown_key_0000000000000000", origin, body: batch(event()) })).status).toBe(401);
    await revokeApiKey(test.database, project.id, publicKey.id, now);
    expect((await send(ingest, { key: publicKey.key, origin, body: batch(event()) })).status).toBe(401);
    const secretOnly = await send(list, {
      key: (await createProjectWithKeys(test.database)).publicKey.key,
      method: "GET",
      query: "?traceId=a",
    });
    expect(secretOnly.status).toBe(403);
    expect((await send(list, { key: secretKey.key, method: "GET", query: "" })).status).toBe(400);
    expect(await storedCount(project.id)).toBe(0);
  });

  it("refuses an origin not on the key's list with a 403 that page can read, and stores nothing", async () => {
    const { project, publicKey } = await createProjectWithKeys(test.database, { allowedOrigins: [origin] });
    const response = await send(routes(test.database).ingest, {
      key: publicKey.key,
      origin: "https://evil.example.test",
      body: batch(event()),
    });
    expect(response.status).toBe(403);
    // Readable (so the widget drops these events rather than retrying a "network error").
    expect(response.headers.get("access-control-allow-origin")).toBe("https://evil.example.test");
    expect(((await response.json()) as { detail: string }).detail).toBe("Origin https://evil.example.test is not allowed for this key");
    expect(await storedCount(project.id)).toBe(0);
  });

  it("answers bad envelopes as a whole (malformed JSON 400, too many events 400, oversize 413) and stores nothing", async () => {
    const { project, publicKey } = await createProjectWithKeys(test.database, { allowedOrigins: [origin] });
    const { ingest } = routes(test.database);
    const malformed = await send(ingest, { key: publicKey.key, origin, body: '{"events": [' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { detail: string }).detail).toMatch(/not valid JSON/);
    expect(malformed.headers.get("access-control-allow-origin")).toBe(origin);

    const tooMany = await send(ingest, { key: publicKey.key, origin, body: batch(...Array.from({ length: 101 }, () => event())) });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(await tooMany.json())).toMatch(/at most 100 events/);

    const oversize = await send(ingest, {
      key: publicKey.key,
      origin,
      body: batch(event({ type: "comment", value: undefined, comment: "x".repeat(70_000) })),
    });
    expect(oversize.status).toBe(413);
    expect((await send(ingest, { key: publicKey.key, origin, body: batch() })).status).toBe(400);
    expect(await storedCount(project.id)).toBe(0);
  });

  it("names the index of each bad event (207) and stores the good ones", async () => {
    const { project, publicKey } = await createProjectWithKeys(test.database, { allowedOrigins: [origin] });
    const good = event();
    const events = [
      good,
      { ...event(), type: "shrug" },
      event({ type: "rating", value: 6 }),
      event({ type: "rating", value: 7, scale: 10 }),
      event({ type: "comment", value: undefined, comment: "y".repeat(10_001) }),
      event({ type: "thumb", value: 2 }),
      { type: "copy", traceId: "answer-1" },
    ];
    const response = await send(routes(test.database).ingest, { key: publicKey.key, origin, body: batch(...events) });
    expect(response.status).toBe(207);
    const answer = (await response.json()) as BatchAnswer;
    expect(answer.accepted).toEqual([good.id, (events[3] as FeedbackEvent).id]);
    expect(answer.rejected.map((r) => [r.index, r.status])).toEqual([
      [1, 400],
      [2, 400],
      [4, 400],
      [5, 400],
      [6, 400],
    ]);
    expect(answer.rejected[0]?.message).toMatch(/type/);
    expect(answer.rejected[1]?.message).toMatch(/rating is a whole number from 1 to 5/);
    expect(answer.rejected[2]?.message).toMatch(/comment/);
    expect(answer.rejected[4]?.id).toBeNull();
    expect(await storedCount(project.id)).toBe(2);
  });

  describe("with feedback tokens required", () => {
    async function tokenProject() {
      const keys = await createProjectWithKeys(test.database, { allowedOrigins: [origin] });
      await test.database.project.update({ where: { id: keys.project.id }, data: { requireFeedbackTokens: true } });
      return keys;
    }

    it("accepts an event with a minted token and refuses one without (403 per event)", async () => {
      const { project, publicKey, secretKey } = await tokenProject();
      const { ingest, tokens } = routes(test.database);
      const minted = await send(tokens, {
        key: secretKey.key,
        body: JSON.stringify({ traceIds: ["answer-1", "answer-2"], ttlSeconds: 600 }),
      });
      expect(minted.status).toBe(200);
      const body = (await minted.json()) as { tokens: Record<string, string>; expiresAt: string };
      expect(body.expiresAt).toBe("2026-11-27T10:10:00.000Z");
      const withToken = event({ feedbackToken: body.tokens["answer-1"] });
      const without = event();
      const response = await send(ingest, { key: publicKey.key, origin, body: batch(withToken, without) });
      expect(response.status).toBe(207);
      const answer = (await response.json()) as BatchAnswer;
      expect(answer.accepted).toEqual([withToken.id]);
      expect(answer.rejected).toEqual([
        { id: without.id, index: 1, status: 403, message: expect.stringMatching(/requires a feedback token/) as string },
      ]);
      expect(await storedCount(project.id)).toBe(1);
    });

    it("refuses expired, forged and other-trace tokens (403), and accepts one signed with signFeedbackToken()", async () => {
      const { project, publicKey } = await tokenProject();
      const secret = await feedbackSigningSecret(test.database, project.id);
      const sign = (traceId: string, expiresAt: Date, key = secret) =>
        signFeedbackToken({ secret: key, projectId: project.id, traceId, expiresAt });
      const later = new Date(now.getTime() + 60_000);
      const events = [
        event({ feedbackToken: sign("answer-1", later) }),
        event({ feedbackToken: sign("answer-1", new Date(now.getTime() - 1000)) }),
        event({ feedbackToken: sign("answer-1", later, "not-the-project-secret") }),
        event({ feedbackToken: sign("answer-2", later) }),
      ];
      const response = await send(routes(test.database).ingest, { key: publicKey.key, origin, body: batch(...events) });
      const answer = (await response.json()) as BatchAnswer;
      expect(answer.accepted).toEqual([events[0]?.id]);
      expect(answer.rejected.map((r) => [r.index, r.status, r.message])).toEqual([
        [1, 403, "the feedback token has expired"],
        [2, 403, "the feedback token is not valid for trace answer-1"],
        [3, 403, "the feedback token is not valid for trace answer-1"],
      ]);
      expect(await storedCount(project.id)).toBe(1);
    });

    it("stops accepting tokens minted before the signing secret was rotated", async () => {
      const { project, publicKey } = await tokenProject();
      const before = await mintFeedbackTokens(test.database, project.id, { traceIds: ["answer-1"], ttlSeconds: 600 }, now);
      await rotateFeedbackSigningSecret(test.database, project.id);
      const after = await mintFeedbackTokens(test.database, project.id, { traceIds: ["answer-1"], ttlSeconds: 600 }, now);
      const events = [event({ feedbackToken: before.tokens["answer-1"] }), event({ feedbackToken: after.tokens["answer-1"] })];
      const answer = (await (
        await send(routes(test.database).ingest, { key: publicKey.key, origin, body: batch(...events) })
      ).json()) as BatchAnswer;
      expect(answer.accepted).toEqual([events[1]?.id]);
      expect(answer.rejected.map((r) => [r.index, r.status])).toEqual([[0, 403]]);
    });

    it("refuses token minting with a public key (403)", async () => {
      const { publicKey } = await tokenProject();
      const response = await send(routes(test.database).tokens, { key: publicKey.key, origin, body: JSON.stringify({ traceIds: ["a"] }) });
      expect(response.status).toBe(403);
    });
  });
});
