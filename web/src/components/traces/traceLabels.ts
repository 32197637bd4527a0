import type { spanTypes, traceStatuses } from "@/contracts/traces";

export const spanTypeLabel: Record<(typeof spanTypes)[number], string> = {
  llm: "LLM",
  retrieval: "Retrieval",
  tool: "Tool",
  agent: "Agent",
  chain: "Chain",
  embedding: "Embedding",
  other: "Other",
};

export const traceStatusLabel: Record<(typeof traceStatuses)[number], string> = { ok: "OK", error: "Error" };
