import { describe, expect, it } from "vitest";
import { createEventStore, type QueueStorage } from "./eventStore.ts";
import type { FeedbackEvent } from "./protocol.ts";

const event = (id: string): FeedbackEvent => ({ id, type: "copy", traceId: "t", timestamp: "2026-11-27T10:00:00.000Z" });

function memoryStorage(): QueueStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

describe("the offline event queue", () => {
  it("persists events so a new page (a new store on the same storage) finds them", () => {
    const storage = memoryStorage();
    createEventStore(storage, "q", 10).add([event("a"), event("b")]);
    const nextPage = createEventStore(storage, "q", 10);
    expect(nextPage.all().map((e) => e.id)).toEqual(["a", "b"]);
    nextPage.remove(["a", "b"]);
    expect(storage.items.has("q")).toBe(false);
  });

  it("drops the oldest events past the limit and returns them", () => {
    const store = createEventStore(memoryStorage(), "q", 3);
    store.add([event("1"), event("2")]);
    expect(store.add([event("3"), event("4"), event("5")]).map((e) => e.id)).toEqual(["1", "2"]);
    expect(store.all().map((e) => e.id)).toEqual(["3", "4", "5"]);
  });

  it("keeps working in memory when storage refuses writes (quota, private browsing)", () => {
    const refusing: QueueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException("full", "QuotaExceededError");
      },
      removeItem: () => undefined,
    };
    const store = createEventStore(refusing, "q", 10);
    store.add([event("a")]);
    expect(store.all().map((e) => e.id)).toEqual(["a"]);
    expect(createEventStore(null, "q", 10).all()).toEqual([]);
  });
});
