import type { SpanInput, TraceInput } from "@/contracts/traces";
import { findModelPrice, tokenCostUsd, type ModelPriceEntry } from "@/server/traces/modelPrices";

export interface CostedTrace {
  costUsd: number | null;
  costSource: "supplied" | "computed" | null;
  inputTokens: number | null;
  outputTokens: number | null;
  spanCosts: (number | null)[];
}

function modelCallCost(model: string | undefined, usage: SpanInput["usage"], at: Date, prices: ModelPriceEntry[]): number | null {
  if (!model || !usage) return null;
  const price = findModelPrice(model, at, prices);
  return price ? tokenCostUsd(price, usage.inputTokens, usage.outputTokens) : null;
}

function sumOrNull(values: (number | null | undefined)[]): number | null {
  const present = values.filter((value): value is number => typeof value === "number");
  return present.length > 0 ? present.reduce((total, value) => total + value, 0) : null;
}

/**
 * Cost and tokens of a trace. A supplied cost is kept as sent. Otherwise each span costs
 * its supplied amount or its model's price times its tokens, and the trace costs the sum
 * of its spans; only a trace without costed spans is priced from its own model and usage,
 * so nothing is counted twice. Tokens likewise come from the trace, else its spans.
 */
export function costTrace(trace: TraceInput, prices: ModelPriceEntry[]): CostedTrace {
  const at = new Date(trace.startTime);
  const spanCosts = trace.spans.map((span) => span.costUsd ?? modelCallCost(span.model ?? trace.model, span.usage, at, prices));
  const inputTokens = trace.usage?.inputTokens ?? sumOrNull(trace.spans.map((span) => span.usage?.inputTokens));
  const outputTokens = trace.usage?.outputTokens ?? sumOrNull(trace.spans.map((span) => span.usage?.outputTokens));
  if (trace.costUsd !== undefined) return { costUsd: trace.costUsd, costSource: "supplied", inputTokens, outputTokens, spanCosts };
  const fromSpans = sumOrNull(spanCosts);
  const costUsd = fromSpans ?? modelCallCost(trace.model, trace.usage, at, prices);
  return { costUsd, costSource: costUsd === null ? null : "computed", inputTokens, outputTokens, spanCosts };
}
