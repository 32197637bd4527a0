// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createFeedbackClient, type FeedbackClientOptions } from "./feedbackClient.ts";
import type { FeedbackDeliveryError } from "./delivery.ts";
import type { FeedbackBatch, FeedbackBatchResult } from "./protocol.ts";

interface SentRequest {
  at: number;
  url: string;
  init: RequestInit;
  batch: FeedbackBatch;
}

type Reply = Response | "network-error" | ((batch: FeedbackBatch) => Response);

/** Answers like the server: every event accepted, unless a scripted reply is queued for this request. */
function scriptedServer(replies: Reply[] = []) {
  const requests: SentRequest[] = [];
  const fetch = vi.fn((url: string, init: RequestInit & { body: string }) => {
    const batch = JSON.parse(init.body) as FeedbackBatch;
    requests.push({ at: Date.now(), url, init, batch });
    const reply = replies.shift() ?? ((b: FeedbackBatch) => accepted(b));
    if (reply === "network-error") return Promise.reject(new TypeError("Failed to fetch"));
    return Promise.resolve(typeof reply === "function" ? reply(batch) : reply);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests };
}

const accepted = (batch: FeedbackBatch, fields: Partial<FeedbackBatchResult> = {}) =>
  Response.json({ accepted: batch.events.map((e) => e.id), duplicates: [], rejected: [], ...fields });

function client(options: Partial<FeedbackClientOptions> & { fetch: typeof fetch }) {
  return createFeedbackClient({ endpoint: "https://liveloop.test/", publicKey: "pk_test", random: () => 1, ...options });
}

const setOnline = (online: boolean) => Object.defineProperty(window.navigator, "onLine", { value: online, configurable: true });
/** Lets pending promise callbacks (fetch answers) run without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-11-27T10:00:00Z") });
  localStorage.clear();
  setOnline(true);
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the feedback client", () => {
  it("sends a full batch at once and a partial one after the flush interval", async () => {
    const server = scriptedServer();
    const feedback = client({ fetch: server.fetch });
    for (let i = 0; i < 19; i++) feedback.thumb(`t-${i}`, 1);
    await settle();
    expect(server.requests).toHaveLength(0);
    feedback.rate("t-19", 4);
    await settle();
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.url).toBe("https://liveloop.test/api/v1/feedback");
    expect(server.requests[0]?.init.headers).toMatchObject({ authorization: "Bearer pk_test" });
    expect(server.requests[0]?.batch.events).toHaveLength(20);
    expect(server.requests[0]?.batch.events[19]).toMatchObject({ type: "rating", value: 4, scale: 5, traceId: "t-19" });

    feedback.copy("t-1");
    await vi.advanceTimersByTimeAsync(1_999);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests).toHaveLength(2);
    expect(feedback.pending()).toBe(0);
    feedback.destroy();
  });

  it("retries network errors with exponential backoff, re-sending the same ids", async () => {
    const server = scriptedServer(["network-error", "network-error", "network-error"]);
    const feedback = client({ fetch: server.fetch, batchSize: 1 });
    const start = Date.now();
    const event = feedback.thumb("t", -1);
    await vi.advanceTimersByTimeAsync(10_000);
    // random() = 1 gives the top of each jitter range: 1 s, 2 s, 4 s after each failure.
    expect(server.requests.map((r) => r.at - start)).toEqual([0, 1_000, 3_000, 7_000]);
    expect(server.requests.every((r) => r.batch.events[0]?.id === event.id)).toBe(true);
    expect(feedback.pending()).toBe(0);
    feedback.destroy();
  });

  it("waits out Retry-After on 429 and backs off on 5xx", async () => {
    const server = scriptedServer([
      new Response(null, { status: 429, headers: { "retry-after": "7" } }),
      new Response(null, { status: 503 }),
    ]);
    const feedback = client({ fetch: server.fetch, batchSize: 1, retry: { baseDelayMs: 500 } });
    const start = Date.now();
    feedback.thumb("t", 1);
    await vi.advanceTimersByTimeAsync(20_000);
    // 429 -> 7 s as asked; then the first backoff step (attempt 1 after the 429 counted as attempt 0: 500·2 = 1 s).
    expect(server.requests.map((r) => r.at - start)).toEqual([0, 7_000, 8_000]);
    expect(feedback.pending()).toBe(0);
    feedback.destroy();
  });

  it("drops what the server refuses as invalid, reports it, and keeps the rest", async () => {
    const errors: FeedbackDeliveryError[] = [];
    const server = scriptedServer([
      (batch) =>
        Response.json(
          {
            accepted: [batch.events[0]?.id],
            duplicates: [batch.events[2]?.id],
            rejected: [{ id: batch.events[1]?.id, index: 1, status: 400, message: "value: a rating is a whole number from 1 to 5" }],
          },
          { status: 207 },
        ),
      Response.json({ type: "about:blank", title: "Forbidden", status: 403, detail: "Origin not allowed" }, { status: 403 }),
    ]);
    const feedback = client({ fetch: server.fetch, batchSize: 3, onError: (error) => errors.push(error) });
    feedback.thumb("a", 1);
    const bad = feedback.rate("b", 9);
    feedback.copy("c");
    await settle();
    expect(errors).toEqual([
      { kind: "rejected", status: 400, message: "event 1: value: a rating is a whole number from 1 to 5", events: [bad] },
    ]);
    expect(feedback.pending()).toBe(0);

    const refused = [feedback.thumb("d", 1), feedback.thumb("e", 1), feedback.thumb("f", 1)];
    await settle();
    expect(errors[1]).toEqual({ kind: "rejected", status: 403, message: "Origin not allowed", events: refused });
    expect(feedback.pending()).toBe(0);
    expect(server.requests).toHaveLength(2);
    feedback.destroy();
  });

  it("keeps events offline in localStorage, sends them when the connection returns", async () => {
    setOnline(false);
    const server = scriptedServer();
    const feedback = client({ fetch: server.fetch, batchSize: 1 });
    feedback.thumb("t", -1);
    feedback.reasons("t", ["Wrong answer"]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toHaveLength(0);
    expect(JSON.parse(localStorage.getItem("liveloop:queue:https://liveloop.test/api/v1/feedback:pk_test") ?? "[]")).toHaveLength(2);
    setOnline(true);
    window.dispatchEvent(new Event("online"));
    await settle();
    expect(server.requests.flatMap((r) => r.batch.events.map((e) => e.type))).toEqual(["thumb", "reasons"]);
    expect(localStorage.length).toBe(0);
    feedback.destroy();
  });

  it("sends what an earlier page left queued on the next page load", async () => {
    setOnline(false);
    const firstPage = client({ fetch: scriptedServer().fetch });
    const left = firstPage.comment("t", "Missed the point");
    firstPage.destroy();
    setOnline(true);
    const server = scriptedServer();
    const nextPage = client({ fetch: server.fetch });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(server.requests[0]?.batch.events).toEqual([left]);
    nextPage.destroy();
  });

  it("hands the queue to sendBeacon (key in the URL, text/plain body) when the page is hidden, keeping it queued", () => {
    const beacons: { url: string; body: string }[] = [];
    const sendBeacon = vi.fn((url: string, body: string) => beacons.push({ url, body }) > 0);
    Object.defineProperty(window.navigator, "sendBeacon", { value: sendBeacon, configurable: true });
    const server = scriptedServer();
    const feedback = client({ fetch: server.fetch });
    const events = [feedback.thumb("t", -1), feedback.comment("t", "Wrong year")];
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
    expect(beacons).toEqual([{ url: "https://liveloop.test/api/v1/feedback?key=pk_test", body: JSON.stringify({ events }) }]);
    expect(feedback.pending()).toBe(2);

    sendBeacon.mockReturnValue(false);
    window.dispatchEvent(new Event("pagehide"));
    expect(server.requests.at(-1)).toMatchObject({ url: "https://liveloop.test/api/v1/feedback?key=pk_test", init: { keepalive: true } });
    feedback.destroy();
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
  });

  it("reports a rephrase for the previous answer and copies inside an answer, with the answer's token", async () => {
    const server = scriptedServer();
    const feedback = client({ fetch: server.fetch, sessionId: "s-1", userId: "u-1" });
    feedback.setFeedbackToken("answer-1", "v1.123.token");
    feedback.userMessage("How do I reset my password?");
    feedback.answerShown("answer-1");
    const rephrase = feedback.userMessage("how can I reset my password");
    expect(rephrase).toMatchObject({
      type: "rephrase",
      traceId: "answer-1",
      sessionId: "s-1",
      userId: "u-1",
      feedbackToken: "v1.123.token",
    });
    expect(rephrase?.value).toBeGreaterThan(0.5);

    const answer = document.createElement("p");
    document.body.append(answer);
    const stop = feedback.observeCopy(answer, "answer-1");
    answer.dispatchEvent(new Event("copy", { bubbles: true }));
    stop();
    answer.dispatchEvent(new Event("copy", { bubbles: true }));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(server.requests[0]?.batch.events.map((e) => e.type)).toEqual(["rephrase", "copy"]);
    feedback.destroy();
  });

  it("drops the oldest events past the queue limit and reports how many", () => {
    setOnline(false);
    const errors: FeedbackDeliveryError[] = [];
    const feedback = client({ fetch: scriptedServer().fetch, maxQueuedEvents: 2, onError: (error) => errors.push(error) });
    const first = feedback.thumb("a", 1);
    feedback.thumb("b", 1);
    feedback.thumb("c", 1);
    expect(errors).toEqual([{ kind: "overflow", message: "the offline queue is full; dropped 1", events: [first] }]);
    expect(feedback.pending()).toBe(2);
    feedback.destroy();
  });

  it("removes every listener and timer on destroy", async () => {
    const sendBeacon = vi.fn(() => true);
    Object.defineProperty(window.navigator, "sendBeacon", { value: sendBeacon, configurable: true });
    const server = scriptedServer();
    const feedback = client({ fetch: server.fetch });
    const answer = document.createElement("p");
    feedback.observeCopy(answer, "t");
    feedback.thumb("t", 1);
    expect(vi.getTimerCount()).toBe(1);
    feedback.destroy();
    expect(vi.getTimerCount()).toBe(0);
    window.dispatchEvent(new Event("pagehide"));
    window.dispatchEvent(new Event("online"));
    answer.dispatchEvent(new Event("copy"));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sendBeacon).not.toHaveBeenCalled();
    expect(server.requests).toHaveLength(0);
    expect(feedback.pending()).toBe(1);
  });
});

describe("delivery when the server fails on one event", () => {
  /** A server that answers 500 to any batch holding an event on a poisoned trace, and accepts the rest. */
  function poisonedServer(poisoned: Set<string>) {
    const delivered: string[] = [];
    const server = scriptedServer();
    const fetch = vi.fn((url: string, init: RequestInit & { body: string }) => {
      const { events } = JSON.parse(init.body) as FeedbackBatch;
      if (events.some((event) => poisoned.has(event.traceId))) {
        server.requests.push({ at: Date.now(), url, init, batch: { events } });
        return Promise.resolve(Response.json({ status: 500, title: "Internal server error" }, { status: 500 }));
      }
      delivered.push(...events.map((event) => event.id));
      return server.fetch(url, init);
    });
    return { fetch: fetch as unknown as typeof globalThis.fetch, requests: server.requests, delivered };
  }

  it("halves a failing batch until the event is alone, delivers the others, and retries that one alone with backoff", async () => {
    const poisoned = new Set(["t-5"]);
    const server = poisonedServer(poisoned);
    const errors: FeedbackDeliveryError[] = [];
    const feedback = client({ fetch: server.fetch, batchSize: 8, onError: (error) => errors.push(error) });
    const start = Date.now();
    const events = Array.from({ length: 8 }, (_, i) => feedback.thumb(`t-${i}`, 1));
    const bad = events[5];
    if (!bad) throw new Error("no event");
    await vi.advanceTimersByTimeAsync(4_000);
    expect(server.delivered.sort()).toEqual(
      events
        .filter((event) => event !== bad)
        .map((event) => event.id)
        .sort(),
    );
    expect(errors).toEqual([{ kind: "isolated", status: 500, message: "HTTP 500 for this event alone", events: [bad] }]);
    expect(feedback.pending()).toBe(1);

    // New events are not held back by the isolated one.
    const later = feedback.copy("t-9");
    await vi.advanceTimersByTimeAsync(2_000);
    expect(server.delivered).toContain(later.id);

    // Alone, on its own backoff (random() = 1: 1 s, 2 s, 4 s, 8 s after each failure); reported once.
    await vi.advanceTimersByTimeAsync(15_000);
    const alone = server.requests.filter((request) => request.batch.events.length === 1 && request.batch.events[0]?.id === bad.id);
    expect(alone.map((request) => request.at - start)).toEqual([4_000, 5_000, 7_000, 11_000, 19_000]);
    expect(errors).toHaveLength(1);

    poisoned.clear();
    await vi.advanceTimersByTimeAsync(16_000);
    expect(server.delivered).toContain(bad.id);
    expect(feedback.pending()).toBe(0);
    feedback.destroy();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("does not blame the events for a 503 (the server is unavailable): the batch is retried whole", async () => {
    const unavailable = () => new Response(null, { status: 503 });
    const server = scriptedServer([unavailable(), unavailable(), unavailable()]);
    const errors: FeedbackDeliveryError[] = [];
    const feedback = client({ fetch: server.fetch, batchSize: 4, onError: (error) => errors.push(error) });
    for (let i = 0; i < 4; i++) feedback.thumb(`t-${i}`, 1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(server.requests.map((request) => request.batch.events.length)).toEqual([4, 4, 4, 4]);
    expect(errors).toEqual([]);
    expect(feedback.pending()).toBe(0);
    feedback.destroy();
  });

  it("drops a batch refused for its origin (403 with CORS and a problem body) and reports it, without retrying", async () => {
    const server = scriptedServer([
      new Response(
        JSON.stringify({
          type: "urn:liveloop:problem:forbidden",
          title: "Forbidden",
          status: 403,
          detail: "Origin https://shop.example is not allowed for this key",
        }),
        { status: 403, headers: { "content-type": "application/problem+json", "access-control-allow-origin": "https://shop.example" } },
      ),
    ]);
    const errors: FeedbackDeliveryError[] = [];
    const feedback = client({ fetch: server.fetch, batchSize: 2, onError: (error) => errors.push(error) });
    const refused = [feedback.thumb("a", -1), feedback.comment("a", "Wrong")];
    await vi.advanceTimersByTimeAsync(60_000);
    expect(errors).toEqual([
      { kind: "rejected", status: 403, message: "Origin https://shop.example is not allowed for this key", events: refused },
    ]);
    expect(server.requests).toHaveLength(1);
    expect(feedback.pending()).toBe(0);
    feedback.destroy();
  });
});
