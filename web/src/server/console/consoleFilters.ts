import type { z } from "zod";
import { datetimeLocalAsUtc, firstParam, type SearchParams } from "@/server/console/searchParams";

/** Filter keys whose values come from a `datetime-local` input, read as UTC. */
const localTimeKeys = new Set(["from", "to"]);

export interface ConsoleFilters<T> {
  query: T;
  /** What was wrong with the URL's filters, for the page to show; null when they were all valid. */
  error: string | null;
}

/**
 * The one reader of console URL filters (traces, metrics, the review queue, ...): the first
 * value of each parameter the schema knows, blanks dropped, local times read as UTC, then
 * `fixed` (what the page decides, such as a page size) on top. An invalid filter is
 * reported and the page shows its defaults, instead of silently dropping it or failing.
 */
export function parseConsoleFilters<Schema extends z.ZodObject>(
  schema: Schema,
  params: SearchParams,
  fixed: Partial<Record<keyof z.input<Schema>, unknown>> = {},
): ConsoleFilters<z.output<Schema>> {
  const cleaned: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = firstParam(params[key]);
    if (value === undefined) continue;
    cleaned[key] = localTimeKeys.has(key) ? datetimeLocalAsUtc(value) : value;
  }
  const result = schema.safeParse({ ...cleaned, ...fixed });
  if (result.success) return { query: result.data, error: null };
  return {
    query: schema.parse(fixed),
    error: result.error.issues.map((issue) => `${issue.path.join(".") || "filters"}: ${issue.message}`).join("; "),
  };
}
