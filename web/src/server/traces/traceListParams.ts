import { traceListQuerySchema, type TraceListQuery } from "@/contracts/traces";
import { datetimeLocalAsUtc, firstParam, type SearchParams } from "@/server/console/searchParams";

/**
 * The console's trace filters from a URL: blanks dropped, local times read as UTC. An
 * invalid filter is reported instead of silently ignored.
 */
export function traceListParams(params: SearchParams): { query: TraceListQuery; error: string | null } {
  const cleaned: Record<string, string> = {};
  for (const [key, raw] of Object.entries(params)) {
    const value = firstParam(raw);
    if (value === undefined) continue;
    cleaned[key] = (key === "from" || key === "to" ? datetimeLocalAsUtc(value) : undefined) ?? value;
  }
  const result = traceListQuerySchema.safeParse(cleaned);
  if (result.success) return { query: result.data, error: null };
  return {
    query: traceListQuerySchema.parse({}),
    error: result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "),
  };
}
