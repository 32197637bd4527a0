import type { FeedbackEvent } from "./protocol.ts";

/** The storage the queue persists to: `localStorage` in browsers; anything with this shape in tests. */
export type QueueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/**
 * The queue of undelivered events. It lives in storage (read, change, write on every
 * step) so events survive a closed tab, a crash or going offline, and the next page
 * load sends them. Bounded: past `limit` the oldest are dropped and counted. Falls back
 * to memory when storage is missing, full or refused (private browsing).
 */
export function createEventStore(storage: QueueStorage | null, key: string, limit: number) {
  let memory: FeedbackEvent[] = [];

  function read(): FeedbackEvent[] {
    try {
      const raw = storage?.getItem(key);
      if (raw) return JSON.parse(raw) as FeedbackEvent[];
    } catch {
      // Unreadable storage: the in-memory copy is all there is.
    }
    return memory;
  }

  function write(events: FeedbackEvent[]): void {
    memory = events;
    try {
      if (events.length > 0) storage?.setItem(key, JSON.stringify(events));
      else storage?.removeItem(key);
    } catch {
      // Quota or privacy mode: keep going in memory.
    }
  }

  return {
    /** Adds events; returns the oldest ones dropped to stay within the limit. */
    add(events: FeedbackEvent[]): FeedbackEvent[] {
      const all = read().concat(events);
      const excess = Math.max(0, all.length - limit);
      write(all.slice(excess));
      return all.slice(0, excess);
    },
    all: read,
    remove(ids: Iterable<string>): void {
      const gone = new Set(ids);
      write(read().filter((event) => !gone.has(event.id)));
    },
  };
}
export type EventStore = ReturnType<typeof createEventStore>;
