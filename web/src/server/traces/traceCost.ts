import type { SpanInput, TraceInput } from "@/contracts/traces";
import { findModelPrice, tokenCostUsd, type ModelPriceEntry } from "@/server/traces/modelPrices";

/** What pricing needs of a trace: its time, model (asked for and served), usage, any supplied cost, and the same of its spans. */
export interface CostInput {
  startTime: string;
  model?: string | undefined;
  servedModel?: string | undefined;
  usage?: TraceInput["usage"];
  costUsd?: number | undefined;
  spans: { model?: string | undefined; servedModel?: string | undefined; usage?: SpanInput["usage"]; costUsd?: number | undefined }[];
}

type ModelIdentity = Pick<CostInput, "model" | "servedModel">;

export interface CostedTrace {
  costUsd: number | null;
  costSource: "supplied" | "computed" | null;
  inputTokens: number | null;
  outputTokens: number | null;
  spanCosts: { costUsd: number | null; costSource: "supplied" | "computed" | null }[];
}

function modelCallCost(identity: ModelIdentity, usage: SpanInput["usage"], at: Date, prices: ModelPriceEntry[]): number | null {
  const names = [identity.servedModel, identity.model].filter((name): name is string => Boolean(name));
  if (names.length === 0 || !usage) return null;
  const price = findModelPrice(names, at, prices);
  return price ? tokenCostUsd(price, usage.inputTokens, usage.outputTokens) : null;
}

function sumOrNull(values: (number | null | undefined)[]): number | null {
  const present = values.filter((value): value is number => typeof value === "number");
  return present.length > 0 ? present.reduce((total, value) => total + value, 0) : null;
}

/**
 * Cost and tokens of a trace. A supplied cost is kept as sent. Otherwise each span costs
 * its supplied amount or its model's price times its tokens, and the trace costs the sum
 * of its spans. A trace's own usage is priced only when no span carries usage, since the
 * trace's tokens are then not the spans' tokens again: nothing is counted twice, and a
 * recompute from stored rows reaches the same figure as ingest did.
 */
export function costTrace(trace: CostInput, prices: ModelPriceEntry[]): CostedTrace {
  const at = new Date(trace.startTime);
  const spanCosts = trace.spans.map((span) => {
    if (span.costUsd !== undefined) return { costUsd: span.costUsd, costSource: "supplied" as const };
    // A span without a model of its own is a call of the trace's model.
    const identity = span.model || span.servedModel ? span : trace;
    const costUsd = modelCallCost(identity, span.usage, at, prices);
    return { costUsd, costSource: costUsd === null ? null : ("computed" as const) };
  });
  const spansCarryUsage = trace.spans.some((span) => span.usage !== undefined);
  const inputTokens = trace.usage?.inputTokens ?? sumOrNull(trace.spans.map((span) => span.usage?.inputTokens));
  const outputTokens = trace.usage?.outputTokens ?? sumOrNull(trace.spans.map((span) => span.usage?.outputTokens));
  if (trace.costUsd !== undefined) return { costUsd: trace.costUsd, costSource: "supplied", inputTokens, outputTokens, spanCosts };
  const fromSpans = sumOrNull(spanCosts.map((span) => span.costUsd));
  const costUsd = fromSpans ?? (spansCarryUsage ? null : modelCallCost(trace, trace.usage, at, prices));
  return { costUsd, costSource: costUsd === null ? null : "computed", inputTokens, outputTokens, spanCosts };
}
