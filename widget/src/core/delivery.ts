import { retryAfterMs, retryDelayMs, type RetryOptions } from "./backoff.ts";
import type { EventStore } from "./eventStore.ts";
import type { FeedbackBatchResult, FeedbackEvent } from "./protocol.ts";

/**
 * Events the widget gave up on (refused by the server as invalid or unauthorised, 403 for
 * an origin the key does not allow included, or pushed out of a full queue), or
 * `isolated`: an event the server kept failing on (5xx) even alone. It stays queued and
 * is retried alone with backoff while the other events are delivered.
 */
export interface FeedbackDeliveryError {
  kind: "rejected" | "overflow" | "isolated";
  /** HTTP status of the refusal (per event or for the whole request). */
  status?: number;
  message: string;
  events: FeedbackEvent[];
}

export interface DeliveryOptions {
  /** URL of `POST /api/v1/feedback`. */
  endpoint: string;
  publicKey: string;
  store: EventStore;
  batchSize: number;
  flushIntervalMs: number;
  retry: RetryOptions;
  fetch: typeof fetch;
  random: () => number;
  now: () => number;
  isOnline: () => boolean;
  sendBeacon: ((url: string, body: string) => boolean) | null;
  onError: (error: FeedbackDeliveryError) => void;
}

// The server's limits (64 KB, 100 events per request), with room for the envelope.
const beaconMaxBytes = 60_000;
const maxEventsPerRequest = 100;
const retryable = (status: number) => status === 429 || status >= 500;
// 503 means the server cannot work at all right now (its database): not the events' fault.
const eventFault = (status: number) => status >= 500 && status !== 503;

/**
 * Sends queued events in batches, one request at a time. Network errors, 429 and 5xx
 * are retried with backoff (honouring Retry-After); what the server refuses as invalid is
 * dropped and reported. Nothing leaves the queue until the server has answered for it.
 * One event the server cannot take must not hold back the rest: a batch failing with a
 * 5xx is halved on each retry until the event is alone, and an event failing alone is
 * set aside (reported once) and retried alone on its own backoff.
 */
export function createDelivery(options: DeliveryOptions) {
  const { store } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sending = false;
  let backingOff = false;
  let attempt = 0;
  let batchSize = options.batchSize;
  // The batch size while a 5xx is being narrowed down to one event.
  let limit = batchSize;
  const isolated = new Set<string>();
  let isolatedTimer: ReturnType<typeof setTimeout> | undefined;
  let isolatedAttempt = 0;
  let isolatedDue = false;
  let destroyed = false;

  function wait(ms: number, backoff: boolean): void {
    clearTimeout(timer);
    backingOff = backoff;
    timer = setTimeout(() => {
      backingOff = false;
      void flush();
    }, ms);
  }

  function retryLater(retryAfter: number | null, alone: boolean): void {
    if (alone) {
      clearTimeout(isolatedTimer);
      isolatedTimer = setTimeout(
        () => {
          isolatedDue = true;
          void flush();
        },
        retryAfter ?? retryDelayMs(isolatedAttempt++, options.retry, options.random),
      );
    } else {
      wait(retryAfter ?? retryDelayMs(attempt, options.retry, options.random), true);
      attempt++;
    }
  }

  function giveUp(events: FeedbackEvent[], status: number | undefined, message: string): void {
    if (events.length === 0) return;
    store.remove(events.map((event) => event.id));
    options.onError({ kind: "rejected", status, message, events });
  }

  /** Sends one batch (`alone`: an isolated event's retry); false stops the current run of sends. */
  async function send(events: FeedbackEvent[], alone: boolean): Promise<boolean> {
    let response: Response;
    try {
      response = await options.fetch(options.endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${options.publicKey}` },
        body: JSON.stringify({ events }),
      });
    } catch {
      retryLater(null, alone);
      return false;
    }
    const { status } = response;
    if (status === 200 || status === 207) {
      const result = (await response.json().catch(() => null)) as FeedbackBatchResult | null;
      if (!result) {
        retryLater(null, alone);
        return false;
      }
      const again = result.rejected.filter((rejection) => retryable(rejection.status));
      const refused = result.rejected.filter((rejection) => !retryable(rejection.status));
      store.remove([...result.accepted, ...result.duplicates]);
      giveUp(
        refused.flatMap((rejection) => events[rejection.index] ?? []),
        refused[0]?.status,
        refused.map((rejection) => `event ${rejection.index}: ${rejection.message}`).join("; "),
      );
      if (again.length > 0) retryLater(null, alone);
      else if (!alone) attempt = 0;
      return again.length === 0;
    }
    if (retryable(status)) {
      const retryAfter = retryAfterMs(response.headers.get("retry-after"), options.now());
      if (!alone && eventFault(status)) {
        if (events.length > 1) limit = Math.ceil(events.length / 2);
        else {
          for (const event of events) isolated.add(event.id);
          options.onError({ kind: "isolated", status, message: `HTTP ${status} for this event alone`, events });
          limit = batchSize;
          retryLater(retryAfter, true);
          return true;
        }
      }
      retryLater(retryAfter, alone);
      return false;
    }
    if (status === 413 && events.length > 1) {
      batchSize = limit = Math.max(1, Math.floor(events.length / 2));
      return true;
    }
    const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
    giveUp(events, status, problem?.detail ?? `HTTP ${status}`);
    return true;
  }

  async function flush(): Promise<void> {
    if (sending || backingOff || destroyed || !options.isOnline()) return;
    clearTimeout(timer);
    timer = undefined;
    sending = true;
    // A function, not a condition: `destroyed` can change while a request is out.
    const queued = (held: boolean) => (destroyed ? [] : store.all().filter((event) => isolated.has(event.id) === held));
    try {
      for (let events = queued(false).slice(0, limit); events.length > 0; events = queued(false).slice(0, limit)) {
        if (!(await send(events, false))) return;
      }
      limit = batchSize;
      if (isolatedDue) {
        isolatedDue = false;
        for (const event of queued(true)) if (!(await send([event], true))) return;
      }
    } finally {
      sending = false;
    }
  }

  return {
    flush,
    /** Called after events are queued: a full batch goes now, a partial one after the interval. */
    schedule(): void {
      if (backingOff || sending) return;
      if (store.all().length >= batchSize) void flush();
      else if (timer === undefined) wait(options.flushIntervalMs, false);
    },
    /** The connection came back: stop waiting out the backoff and send. */
    resume: (): void => {
      clearTimeout(timer);
      backingOff = false;
      attempt = 0;
      void flush();
    },
    /**
     * The page is going away: hand everything queued to sendBeacon (or a keepalive fetch).
     * Events stay queued, so the next page load sends them again if the beacon was lost;
     * the server answers those as duplicates.
     */
    beacon: (): void => {
      const url = `${options.endpoint}${options.endpoint.includes("?") ? "&" : "?"}key=${encodeURIComponent(options.publicKey)}`;
      let chunk: FeedbackEvent[] = [];
      const post = () => {
        if (chunk.length === 0) return;
        const body = JSON.stringify({ events: chunk });
        chunk = [];
        if (options.sendBeacon?.(url, body)) return;
        options.fetch(url, { method: "POST", body, keepalive: true, headers: { "content-type": "text/plain" } }).catch(() => undefined);
      };
      let bytes = 0;
      for (const event of store.all()) {
        const size = JSON.stringify(event).length + 1;
        if (chunk.length >= maxEventsPerRequest || bytes + size > beaconMaxBytes) {
          post();
          bytes = 0;
        }
        chunk.push(event);
        bytes += size;
      }
      post();
    },
    destroy(): void {
      destroyed = true;
      clearTimeout(timer);
      clearTimeout(isolatedTimer);
    },
  };
}
export type Delivery = ReturnType<typeof createDelivery>;
