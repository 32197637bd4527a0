import { describe, expect, it } from "vitest";
import { createConcurrencyLimit } from "@/server/evaluation/judge/concurrencyLimit";

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

// Lets every promise callback that is already due run, so "has not started" is a fact, not a race.
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("createConcurrencyLimit", () => {
  it("never runs more than n tasks at once, starts the rest in order as slots free, and frees a slot on failure", async () => {
    const limit = createConcurrencyLimit(2);
    const gates = Array.from({ length: 5 }, () => deferred<string>());
    const started = Array.from({ length: 5 }, () => deferred<undefined>());
    const order: number[] = [];
    let running = 0;
    let most = 0;
    const results = gates.map((gate, index) =>
      limit(async () => {
        running += 1;
        most = Math.max(most, running);
        order.push(index);
        started[index]?.resolve(undefined);
        try {
          return await gate.promise;
        } finally {
          running -= 1;
        }
      }).catch((error: unknown) => `failed: ${String(error)}`),
    );

    await settle();
    expect(order).toEqual([0, 1]);
    gates[1]?.reject(new Error("boom"));
    await started[2]?.promise;
    await settle();
    expect(order).toEqual([0, 1, 2]);
    gates[0]?.resolve("a");
    await started[3]?.promise;
    gates[2]?.resolve("c");
    gates[3]?.resolve("d");
    gates[4]?.resolve("e");
    expect(await Promise.all(results)).toEqual(["a", "failed: Error: boom", "c", "d", "e"]);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
  });

  it("refuses a limit that is not a whole number of at least one", () => {
    expect(() => createConcurrencyLimit(0)).toThrow(RangeError);
    expect(() => createConcurrencyLimit(1.5)).toThrow(RangeError);
  });
});
