export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a URL parameter, trimmed; undefined when absent or blank. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  return single === undefined || single.trim() === "" ? undefined : single.trim();
}

/** A `datetime-local` value has no zone: the console reads and shows times in UTC. */
export function datetimeLocalAsUtc(value: string | undefined): string | undefined {
  if (value === undefined || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return value;
  return `${value.length === 16 ? `${value}:00` : value}Z`;
}
