import { describe, expect, it } from "vitest";
import { traceInputSchema, type TraceInput } from "@/contracts/traces";
import { costTrace } from "@/server/traces/traceCost";
import { findModelPrice, tokenCostUsd, type ModelPriceEntry } from "@/server/traces/modelPrices";

const trace = (fields: Record<string, unknown>): TraceInput =>
  traceInputSchema.parse({ id: "t", startTime: "2026-05-01T10:00:00Z", ...fields });
const span = (id: string, fields: Record<string, unknown>) => ({ id, type: "llm", name: id, startTime: "2026-05-01T10:00:00Z", ...fields });

describe("model prices", () => {
  it("prefers the most specific list price (gpt-4o-mini is not priced as gpt-4o)", () => {
    expect(findModelPrice("gpt-4o-mini-2024-07-18", new Date(), [])).toMatchObject({ inputPerMillionUsd: 0.15, outputPerMillionUsd: 0.6 });
    expect(findModelPrice("gpt-4o-2024-08-06", new Date(), [])).toMatchObject({ inputPerMillionUsd: 2.5, outputPerMillionUsd: 10 });
    expect(findModelPrice("GPT-4o", new Date(), [])).toMatchObject({ inputPerMillionUsd: 2.5 });
    expect(findModelPrice("my-finetune", new Date(), [])).toBeNull();
  });

  it("lets a project's price win from its effective date on", () => {
    const custom: ModelPriceEntry[] = [
      { modelPattern: "gpt-4o*", inputPerMillionUsd: 1, outputPerMillionUsd: 2, effectiveFrom: new Date("2026-06-01T00:00:00Z") },
    ];
    expect(findModelPrice("gpt-4o", new Date("2026-05-31T23:59:59Z"), custom)?.inputPerMillionUsd).toBe(2.5);
    expect(findModelPrice("gpt-4o", new Date("2026-06-01T00:00:00Z"), custom)?.inputPerMillionUsd).toBe(1);
  });

  it("prices a call by the snapshot that served it or the alias asked for, a project's price for either first", () => {
    const at = new Date("2026-06-01T00:00:00Z");
    const alias: ModelPriceEntry = {
      modelPattern: "gpt-4o-mini",
      inputPerMillionUsd: 0.1,
      outputPerMillionUsd: 0.2,
      effectiveFrom: new Date(0),
    };
    const snapshot: ModelPriceEntry = { ...alias, modelPattern: "gpt-4o-mini-2024-07-18", inputPerMillionUsd: 0.12 };
    const names = ["gpt-4o-mini-2024-07-18", "gpt-4o-mini"];
    expect(findModelPrice(names, at, [alias])?.inputPerMillionUsd).toBe(0.1);
    expect(findModelPrice(names, at, [alias, snapshot])?.inputPerMillionUsd).toBe(0.12);
    expect(findModelPrice(names, at, [])?.inputPerMillionUsd).toBe(0.15);
    expect(findModelPrice(["in-house-7b-0612", "in-house-7b"], at, [{ ...alias, modelPattern: "in-house-7b" }])?.inputPerMillionUsd).toBe(
      0.1,
    );
  });

  it("computes USD from tokens and per-million prices", () => {
    // 1200 * 2.5 / 1e6 + 350 * 10 / 1e6 = 0.003 + 0.0035
    expect(tokenCostUsd({ inputPerMillionUsd: 2.5, outputPerMillionUsd: 10 }, 1200, 350)).toBeCloseTo(0.0065, 12);
  });
});

describe("costTrace", () => {
  it("prices a span served by a snapshot with the project's price for the model it asked for", () => {
    const prices: ModelPriceEntry[] = [
      { modelPattern: "gpt-4o-mini", inputPerMillionUsd: 1, outputPerMillionUsd: 2, effectiveFrom: new Date(0) },
    ];
    const usage = { inputTokens: 1_000_000, outputTokens: 1_000_000 };
    const result = costTrace(trace({ spans: [span("a", { model: "gpt-4o-mini", servedModel: "gpt-4o-mini-2024-07-18", usage })] }), prices);
    // 1e6 * 1 / 1e6 + 1e6 * 2 / 1e6
    expect(result).toMatchObject({ costUsd: 3, costSource: "computed" });
  });

  it("keeps a supplied cost", () => {
    expect(costTrace(trace({ costUsd: 0.5, model: "gpt-4o", usage: { inputTokens: 1, outputTokens: 1 } }), [])).toMatchObject({
      costUsd: 0.5,
      costSource: "supplied",
    });
  });

  it("prices a trace from its own model and usage when it has no costed spans", () => {
    const result = costTrace(trace({ model: "gpt-4o-mini", usage: { inputTokens: 1_000_000, outputTokens: 500_000 } }), []);
    expect(result.costUsd).toBeCloseTo(0.15 + 0.3, 12);
    expect(result.costSource).toBe("computed");
  });

  it("sums span costs without counting the trace's usage again", () => {
    const result = costTrace(
      trace({
        model: "gpt-4o",
        usage: { inputTokens: 3000, outputTokens: 300 },
        spans: [
          span("a", { model: "gpt-4o", usage: { inputTokens: 2000, outputTokens: 200 } }),
          span("b", { costUsd: 0.01 }),
          span("c", { type: "tool" }),
        ],
      }),
      [],
    );
    expect(result.spanCosts[0]?.costUsd).toBeCloseTo((2000 * 2.5 + 200 * 10) / 1e6, 12);
    expect(result.spanCosts.map((span) => span.costSource)).toEqual(["computed", "supplied", null]);
    expect(result.spanCosts.slice(1).map((span) => span.costUsd)).toEqual([0.01, null]);
    expect(result.costUsd).toBeCloseTo(0.007 + 0.01, 12);
    expect(result).toMatchObject({ inputTokens: 3000, outputTokens: 300 });
  });

  it("does not price the trace's own usage when its spans carry the tokens", () => {
    const result = costTrace(
      trace({
        model: "gpt-4o",
        usage: { inputTokens: 10, outputTokens: 5 },
        spans: [span("a", { model: "in-house-7b", usage: { inputTokens: 10, outputTokens: 5 } })],
      }),
      [],
    );
    expect(result).toMatchObject({ costUsd: null, costSource: null, inputTokens: 10, outputTokens: 5 });
  });

  it("takes tokens from the spans when the trace has none, and leaves cost empty for unknown models", () => {
    const result = costTrace(trace({ spans: [span("a", { model: "in-house-7b", usage: { inputTokens: 10, outputTokens: 5 } })] }), []);
    expect(result).toMatchObject({ costUsd: null, costSource: null, inputTokens: 10, outputTokens: 5 });
  });
});
