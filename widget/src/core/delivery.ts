import { retryAfterMs, retryDelayMs, type RetryOptions } from "./backoff.ts";
import type { EventStore } from "./eventStore.ts";
import type { FeedbackBatchResult, FeedbackEvent } from "./protocol.ts";

/** Events the widget gave up on: refused by the server as invalid or unauthorised, or pushed out of a full queue. */
export interface FeedbackDeliveryError {
  kind: "rejected" | "overflow";
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

/**
 * Sends queued events in batches, one request at a time. Network errors, 429 and 5xx
 * are retried with backoff (honouring Retry-After); what the server refuses as invalid is
 * dropped and reported. Nothing leaves the queue until the server has answered for it.
 */
export function createDelivery(options: DeliveryOptions) {
  const { store } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sending = false;
  let backingOff = false;
  let attempt = 0;
  let batchSize = options.batchSize;
  let destroyed = false;

  function wait(ms: number, backoff: boolean): void {
    clearTimeout(timer);
    backingOff = backoff;
    timer = setTimeout(() => {
      backingOff = false;
      void flush();
    }, ms);
  }

  function retryLater(retryAfter: number | null): void {
    wait(retryAfter ?? retryDelayMs(attempt, options.retry, options.random), true);
    attempt++;
  }

  function giveUp(events: FeedbackEvent[], status: number | undefined, message: string): void {
    if (events.length === 0) return;
    store.remove(events.map((event) => event.id));
    options.onError({ kind: "rejected", status, message, events });
  }

  async function send(events: FeedbackEvent[]): Promise<boolean> {
    let response: Response;
    try {
      response = await options.fetch(options.endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${options.publicKey}` },
        body: JSON.stringify({ events }),
      });
    } catch {
      retryLater(null);
      return false;
    }
    const { status } = response;
    if (status === 200 || status === 207) {
      const result = (await response.json().catch(() => null)) as FeedbackBatchResult | null;
      if (!result) {
        retryLater(null);
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
      if (again.length > 0) retryLater(null);
      else attempt = 0;
      return again.length === 0;
    }
    if (retryable(status)) {
      retryLater(retryAfterMs(response.headers.get("retry-after"), options.now()));
      return false;
    }
    if (status === 413 && events.length > 1) {
      batchSize = Math.max(1, Math.floor(events.length / 2));
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
    const nextBatch = () => (destroyed ? [] : store.all().slice(0, batchSize));
    try {
      for (let events = nextBatch(); events.length > 0; events = nextBatch()) if (!(await send(events))) break;
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
    },
  };
}
export type Delivery = ReturnType<typeof createDelivery>;
