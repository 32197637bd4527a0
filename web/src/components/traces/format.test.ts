import { describe, expect, it } from "vitest";
import { formatEmbeddings, formatModel, formatMs, formatTime, formatTokens, formatUsd } from "@/components/traces/format";

describe("console number formats", () => {
  it("formats durations, money, times and tokens", () => {
    expect([formatMs(null), formatMs(950), formatMs(1234), formatMs(65_000)]).toEqual(["—", "950 ms", "1.23 s", "65.0 s"]);
    expect([formatUsd(null), formatUsd(0), formatUsd(0.000123), formatUsd(1.5)]).toEqual(["—", "$0", "$0.00012", "$1.5000"]);
    expect(formatTime("2026-11-27T09:05:03.120Z")).toBe("2026-11-27 09:05:03 UTC");
    expect(formatTokens({ inputTokens: 1200, outputTokens: 5 })).toBe("1,200 in · 5 out");
  });

  it("names the model asked for and, when it differs, the snapshot that served it", () => {
    expect(formatModel("gpt-4o-mini", "gpt-4o-mini-2024-07-18")).toBe("gpt-4o-mini (served as gpt-4o-mini-2024-07-18)");
    expect([
      formatModel("gpt-4o", "gpt-4o"),
      formatModel("gpt-4o", null),
      formatModel(null, "o3-2025-04-16"),
      formatModel(null, null),
    ]).toEqual(["gpt-4o", "gpt-4o", "o3-2025-04-16", "—"]);
  });

  it("lists a trace's vectors by field and embedder, without their numbers", () => {
    expect(
      formatEmbeddings([
        { field: "input", embedder: "app:text-embedding-3-small", dimensions: 1536 },
        { field: "output", embedder: "app:bge-small", dimensions: 384 },
      ]),
    ).toBe("input (app:text-embedding-3-small, 1,536 dims); output (app:bge-small, 384 dims)");
    expect(formatEmbeddings([])).toBe("—");
  });
});
