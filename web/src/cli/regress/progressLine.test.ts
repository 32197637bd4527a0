import { describe, expect, it } from "vitest";
import { createProgressReporter, etaMs, progressLine } from "@/cli/regress/progressLine";

describe("progressLine", () => {
  it("shows done of total, failures, retries and the time left at the pace so far", () => {
    // 10 items in 40 s: 4 s each, 30 left.
    const state = { total: 40, done: 10, failed: 1, retries: 3, startedAtMs: 0, nowMs: 40_000 };
    expect(etaMs(state)).toBe(120_000);
    expect(progressLine(state)).toBe("10/40 items, 1 failed, 3 retries, ETA 2:00");
    expect(progressLine({ ...state, done: 0, retries: 1 })).toBe("0/40 items, 1 failed, 1 retry, ETA ?");
    expect(progressLine({ ...state, done: 1, total: 1000, nowMs: 4_000 })).toBe("1/1000 items, 1 failed, 3 retries, ETA 1:06:36");
    expect(progressLine({ ...state, done: 40, nowMs: 65_000 })).toBe("40/40 items, 1 failed, 3 retries, took 1:05");
  });
});

describe("createProgressReporter", () => {
  it("writes a plain line at each tenth of the way when the output is a log, not a terminal", () => {
    const written: string[] = [];
    let now = 0;
    const progress = createProgressReporter({ write: (text) => written.push(text), isTTY: false }, 20, () => now);
    for (let index = 0; index < 20; index += 1) {
      now += 1_000;
      progress.retried();
      progress.answered(index !== 4);
    }
    progress.finish();
    expect(written).toHaveLength(10);
    expect(written[0]).toBe("2/20 items, 0 failed, 2 retries, ETA 0:18\n");
    expect(written.at(-1)).toBe("20/20 items, 1 failed, 20 retries, took 0:20\n");
  });

  it("rewrites one line in place on a terminal and ends it when finished", () => {
    const written: string[] = [];
    const progress = createProgressReporter({ write: (text) => written.push(text), isTTY: true }, 2, () => 0);
    progress.answered(true);
    progress.retried();
    progress.answered(false);
    progress.finish();
    expect(written).toEqual([
      "\r\u001b[2K1/2 items, 0 failed, 0 retries, ETA 0:00",
      "\r\u001b[2K1/2 items, 0 failed, 1 retry, ETA 0:00",
      "\r\u001b[2K2/2 items, 1 failed, 1 retry, took 0:00",
      "\n",
    ]);
  });
});
