import { createDelivery, type FeedbackDeliveryError } from "./delivery.ts";
import { createEventStore, type QueueStorage } from "./eventStore.ts";
import type { RetryOptions } from "./backoff.ts";
import { createRephraseDetector, type RephraseOptions } from "./rephraseDetector.ts";
import type { FeedbackEvent, FeedbackEventType } from "./protocol.ts";

export interface FeedbackClientOptions {
  /** URL of the Liveloop app (`https://liveloop.example.com`) or of its `/api/v1/feedback` endpoint. */
  endpoint: string;
  /** The project's public key (`pk_...`); its allowed origins must include this page's. */
  publicKey: string;
  userId?: string;
  sessionId?: string;
  /** Send when this many events are queued (default 20)... */
  batchSize?: number;
  /** ...or this long after the first one was (default 2 000 ms). */
  flushIntervalMs?: number;
  retry?: RetryOptions;
  /** Undelivered events kept across page loads (default 500; the oldest are dropped past it). */
  maxQueuedEvents?: number;
  rephrase?: RephraseOptions;
  /**
   * Events given up on (refused as invalid or unauthorised, a 403 for this page's origin
   * included, or pushed out of a full queue), and events the server keeps failing on
   * (5xx) even alone: those stay queued and are retried alone while the rest go on.
   */
  onError?: (error: FeedbackDeliveryError) => void;
  /** Where the offline queue lives (default `localStorage`; null keeps it in memory). */
  storage?: QueueStorage | null;
  fetch?: typeof fetch;
  random?: () => number;
  now?: () => number;
}

/** Fields any event may carry besides its type and trace. */
export interface EventExtras {
  sessionId?: string;
  userId?: string;
  feedbackToken?: string;
  metadata?: Record<string, unknown>;
}

type EventFields = Pick<FeedbackEvent, "value" | "scale" | "reasons" | "comment" | "category"> & EventExtras;

const browser = typeof window !== "undefined" ? window : undefined;

function localStorageOrNull(): QueueStorage | null {
  try {
    return browser?.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Accepts the app's base URL or the endpoint itself. */
function feedbackUrl(endpoint: string): string {
  const trimmed = endpoint.replace(/\/+$/, "");
  return trimmed.endsWith("/api/v1/feedback") ? trimmed : `${trimmed}/api/v1/feedback`;
}

/**
 * The framework-free widget core: records explicit and implicit feedback as events with
 * client ids and delivers them reliably (batches, retries, an offline queue, a beacon
 * when the page goes away). `destroy()` removes every listener and timer it added.
 */
export function createFeedbackClient(options: FeedbackClientOptions) {
  const endpoint = feedbackUrl(options.endpoint);
  const now = options.now ?? Date.now;
  const onError = options.onError ?? (() => undefined);
  const tokens = new Map<string, string>();
  const cleanups: (() => void)[] = [];
  const store = createEventStore(
    options.storage === undefined ? localStorageOrNull() : options.storage,
    `liveloop:queue:${endpoint}:${options.publicKey}`,
    options.maxQueuedEvents ?? 500,
  );
  const delivery = createDelivery({
    endpoint,
    publicKey: options.publicKey,
    store,
    batchSize: options.batchSize ?? 20,
    flushIntervalMs: options.flushIntervalMs ?? 2_000,
    retry: options.retry ?? {},
    fetch: options.fetch ?? ((...args) => fetch(...args)),
    random: options.random ?? Math.random,
    now,
    isOnline: () => browser?.navigator.onLine !== false,
    sendBeacon: browser?.navigator.sendBeacon ? (url, body) => browser.navigator.sendBeacon(url, body) : null,
    onError,
  });
  const rephrases = createRephraseDetector(options.rephrase);

  function listen(target: EventTarget, type: string, listener: (event: Event) => void): () => void {
    target.addEventListener(type, listener);
    const remove = () => {
      target.removeEventListener(type, listener);
      const index = cleanups.indexOf(remove);
      if (index >= 0) cleanups.splice(index, 1);
    };
    cleanups.push(remove);
    return remove;
  }

  function track(type: FeedbackEventType, traceId: string, fields: EventFields = {}): FeedbackEvent {
    const event: FeedbackEvent = {
      id: crypto.randomUUID(),
      type,
      traceId,
      timestamp: new Date(now()).toISOString(),
      ...(options.sessionId && { sessionId: options.sessionId }),
      ...(options.userId && { userId: options.userId }),
      ...(tokens.has(traceId) && { feedbackToken: tokens.get(traceId) }),
      ...fields,
    };
    const dropped = store.add([event]);
    if (dropped.length > 0) onError({ kind: "overflow", message: `the offline queue is full; dropped ${dropped.length}`, events: dropped });
    delivery.schedule();
    return event;
  }

  if (browser) {
    listen(browser, "online", delivery.resume);
    listen(browser, "pagehide", delivery.beacon);
    listen(browser.document, "visibilitychange", () => {
      if (browser.document.visibilityState === "hidden") delivery.beacon();
    });
    // Events left by an earlier page (closed while offline, or a beacon that never arrived).
    if (store.all().length > 0) delivery.schedule();
  }

  return {
    track,
    /** 1 up, -1 down, 0 withdrawn. */
    thumb: (traceId: string, value: 1 | -1 | 0, extras?: EventExtras) => track("thumb", traceId, { ...extras, value }),
    rate: (traceId: string, value: number, scale = 5, extras?: EventExtras) => track("rating", traceId, { ...extras, value, scale }),
    reasons: (traceId: string, reasons: string[], extras?: EventExtras) => track("reasons", traceId, { ...extras, reasons }),
    comment: (traceId: string, comment: string, extras?: EventExtras) => track("comment", traceId, { ...extras, comment }),
    report: (traceId: string, category: string, comment?: string, extras?: EventExtras) =>
      track("report", traceId, { ...extras, category, ...(comment ? { comment } : {}) }),
    copy: (traceId: string, extras?: EventExtras) => track("copy", traceId, extras),
    regenerate: (traceId: string, extras?: EventExtras) => track("regenerate", traceId, extras),
    /** The token the host's backend minted for this answer; added to every event about it. */
    setFeedbackToken(traceId: string, token: string): void {
      tokens.set(traceId, token);
    },
    /** An answer was shown: the next question of the session is compared against the one before it. */
    answerShown(traceId: string, sessionId = options.sessionId ?? ""): void {
      rephrases.answerShown(traceId, sessionId, now());
    },
    /** The user sent a message; if it rephrases the previous question soon after an answer, that answer gets a `rephrase`. */
    userMessage(text: string, context: { sessionId?: string } = {}): FeedbackEvent | null {
      const sessionId = context.sessionId ?? options.sessionId ?? "";
      const found = rephrases.userMessage(text, sessionId, now());
      return found ? track("rephrase", found.traceId, { value: found.similarity, ...(sessionId && { sessionId }) }) : null;
    },
    /** Reports a `copy` whenever the user copies text from inside the answer's element. */
    observeCopy(element: EventTarget, traceId: string): () => void {
      return listen(element, "copy", () => track("copy", traceId, { metadata: { source: "selection" } }));
    },
    /** Sends what is queued now (resolves when the server has answered or a retry is scheduled). */
    flush: () => delivery.flush(),
    /** Events not yet delivered. */
    pending: () => store.all().length,
    destroy(): void {
      for (const cleanup of cleanups.splice(0)) cleanup();
      delivery.destroy();
    },
  };
}
export type FeedbackClient = ReturnType<typeof createFeedbackClient>;
export type { FeedbackDeliveryError };
