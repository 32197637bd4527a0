import type { z } from "zod";
import { jsonNestsDeeperThan, maxJsonDepth } from "@/contracts/common";
import { BadRequestError } from "@/server/errors";
import { fromZodError } from "@/server/api/problem";
import { parseJsonBytes } from "@/server/api/readBody";

// The request envelope takes about 10 levels of JSON; each level of an attribute's
// AnyValue takes up to 4 ({ kvlistValue: { values: [{ key, value: ... }] } }).
const otlpJsonMaxDepth = 16 + 4 * maxJsonDepth;

/** An OTLP/JSON export request checked against its schema; anything else is a 400 naming what was expected. */
export function parseOtlpJson<T>(bytes: Uint8Array, schema: z.ZodType<T>, what: string): T {
  const json = parseJsonBytes(bytes);
  // The schema of nested AnyValues recurses: measure the depth first, without recursion.
  if (jsonNestsDeeperThan(json, otlpJsonMaxDepth)) {
    throw new BadRequestError(`The body nests deeper than OTLP attributes may (${maxJsonDepth} levels of values)`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw fromZodError(parsed.error, `The body is not an OTLP/JSON ${what}`);
  return parsed.data;
}
