import { traceListQuerySchema, type TraceListQuery } from "@/contracts/traces";

type SearchParams = Record<string, string | string[] | undefined>;

/** A `datetime-local` value has no zone: the console reads and shows times in UTC. */
function asUtc(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value) ? `${value.length === 16 ? `${value}:00` : value}Z` : value;
}

/**
 * The console's trace filters from a URL: blanks dropped, local times read as UTC. An
 * invalid filter is reported instead of silently ignored.
 */
export function traceListParams(params: SearchParams): { query: TraceListQuery; error: string | null } {
  const cleaned: Record<string, string> = {};
  for (const [key, raw] of Object.entries(params)) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value.trim() === "") continue;
    cleaned[key] = key === "from" || key === "to" ? asUtc(value.trim()) : value.trim();
  }
  const result = traceListQuerySchema.safeParse(cleaned);
  if (result.success) return { query: result.data, error: null };
  return {
    query: traceListQuerySchema.parse({}),
    error: result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "),
  };
}
