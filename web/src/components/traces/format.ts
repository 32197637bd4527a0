/** How numbers and times read in the console; one place so every page agrees. */
export function formatMs(ms: number | null): string {
  if (ms === null) return "—";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatUsd(usd: number | null): string {
  if (usd === null) return "—";
  if (usd === 0) return "$0";
  return usd < 0.01 ? `$${usd.toPrecision(2)}` : `$${usd.toFixed(4)}`;
}

export function formatTime(iso: string): string {
  return new Date(iso).toISOString().replace("T", " ").slice(0, 19) + " UTC";
}

export function formatTokens(usage: { inputTokens: number; outputTokens: number } | null): string {
  return usage ? `${usage.inputTokens.toLocaleString("en")} in · ${usage.outputTokens.toLocaleString("en")} out` : "—";
}

/** The model asked for, with the snapshot that served it when that says more. */
export function formatModel(model: string | null, servedModel: string | null): string {
  if (!model) return servedModel ?? "—";
  return servedModel && servedModel !== model ? `${model} (served as ${servedModel})` : model;
}

/** A trace's stored vectors, one per field and embedder: "input (app:text-embedding-3-small, 1,536 dims)". */
export function formatEmbeddings(embeddings: readonly { field: string; embedder: string; dimensions: number }[]): string {
  if (embeddings.length === 0) return "—";
  return embeddings.map(({ field, embedder, dimensions }) => `${field} (${embedder}, ${dimensions.toLocaleString("en")} dims)`).join("; ");
}
