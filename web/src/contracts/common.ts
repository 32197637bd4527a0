import { z } from "zod";
import { roles } from "@/server/auth/permissions";

export const problemSchema = z
  .object({
    type: z.string().describe("A URI naming the kind of problem"),
    title: z.string().describe("Short summary of the kind of problem"),
    status: z.number().int().describe("The HTTP status code"),
    detail: z.string().optional().describe("What went wrong with this request"),
    errors: z
      .array(
        z.object({
          path: z.array(z.union([z.string(), z.number()])).describe("Where in the payload"),
          message: z.string(),
          index: z.number().int().optional().describe("Index of the bad event in a batch"),
        }),
      )
      .optional()
      .describe("Each validation issue"),
  })
  .describe("An RFC 9457 problem document");

export const roleSchema = z.enum(roles).describe("owner, admin, annotator or viewer");

export const uuidParam = z.uuid();

export const projectIdParams = z.object({ projectId: uuidParam.describe("The project's id") }).strict();
/** For endpoints served both for keys (the key names the project) and under the project's path. */
export const keyOrProjectParams = z
  .object({ projectId: uuidParam.optional().describe("The project's id (a key must belong to it)") })
  .strict();

// Input rules shared by every contract (README, "Input rules"). PostgreSQL cannot store
// U+0000 in text or jsonb, nor a lone UTF-16 surrogate in jsonb, and its int4 and float8
// columns and sums have limits: anything that would fail there is refused (400 naming the
// field) or made storable here, before a handler runs, so no input can reach a 500.

// NUL, or a surrogate code unit without its partner (with the u flag, paired surrogates
// read as one astral code point and do not match \p{Cs}).
const unstorableCharacters = /\0|\p{Cs}/u;
const unstorableCharactersGlobal = /\0|\p{Cs}/gu;

/** Content made storable: NUL removed, each lone surrogate replaced by U+FFFD. */
export function normaliseText(text: string): string {
  if (!unstorableCharacters.test(text)) return text;
  return text.replace(unstorableCharactersGlobal, (found) => (found === "\0" ? "" : "\uFFFD"));
}

export const unstorableTextMessage = "must not contain NUL (U+0000) or unpaired surrogate characters";

/**
 * Ids, names, labels and filter values: matched exactly, so a silent change would merge
 * or split them. They are refused when they hold characters PostgreSQL cannot store.
 */
export function exactText<T extends z.ZodString>(schema: T): T {
  return schema.refine((text) => !unstorableCharacters.test(text), unstorableTextMessage);
}

/** Free text people or models wrote (comments, answers, errors): stored normalised, never refused for it. */
export function contentText(maxChars: number): z.ZodString {
  return z.string().max(maxChars).overwrite(normaliseText);
}

export const identifierSchema = exactText(z.string().trim().min(1).max(200));

/** Timestamps Liveloop stores or filters by: ISO 8601 with a zone, from 1970 through 9999 (UTC). */
export const earliestTimestampMs = Date.UTC(1970, 0, 1);
export const latestTimestampMs = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
export const timestampSchema = z.iso
  .datetime({ offset: true })
  .refine((value) => {
    const ms = Date.parse(value);
    return ms >= earliestTimestampMs && ms <= latestTimestampMs;
  }, "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z")
  .describe("ISO 8601 time with zone, e.g. 2026-11-27T10:00:00.123Z (years 1970 to 9999)");

/** Latencies are int4 milliseconds: an interval may last at most 2^31 - 1 ms (about 24.8 days). */
export const maxDurationMs = 2_147_483_647;
/** Token counts are int4 columns, and a trace's tokens are the sum of its spans'. */
export const maxTokens = 2_147_483_647;
export const tokenCountSchema = z.number().int().min(0).max(maxTokens);
/**
 * A supplied cost per trace or span. Far above any real call, and low enough that sums
 * over millions of rows stay finite in float8 (1e308 once overflowed the rollups).
 */
export const maxCostUsd = 1_000_000;
export const costUsdSchema = z.number().min(0).max(maxCostUsd);

/** JSON the server stores or walks nests at most this many arrays/objects deep. */
export const maxJsonDepth = 64;

type JsonPathFrame = { input: unknown; depth: number; set: (value: unknown) => void };

/**
 * Rebuilds a JSON value with each string (and, if asked, each key) passed through
 * `mapString`, without recursion: a hostile document nested 100 000 deep costs a loop,
 * not the call stack. Returns null when containers nest deeper than `maxDepth`.
 */
export function mapJsonStrings(
  value: unknown,
  mapString: (text: string) => string,
  options: { maxDepth: number; mapKeys: boolean },
): { value: unknown } | null {
  let root: unknown;
  const stack: JsonPathFrame[] = [
    {
      input: value,
      depth: 0,
      set: (result) => {
        root = result;
      },
    },
  ];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { input, depth, set } = frame;
    if (typeof input === "string") set(mapString(input));
    else if (input === null || typeof input !== "object") set(input);
    else {
      if (depth >= options.maxDepth) return null;
      if (Array.isArray(input)) {
        const copy: unknown[] = new Array<unknown>(input.length);
        set(copy);
        input.forEach((item: unknown, index) => {
          stack.push({
            input: item,
            depth: depth + 1,
            set: (result) => {
              copy[index] = result;
            },
          });
        });
      } else {
        const copy: Record<string, unknown> = {};
        set(copy);
        for (const [key, item] of Object.entries(input)) {
          const name = options.mapKeys ? mapString(key) : key;
          // Defined now, in the source's order (values arrive later, popped in reverse), and
          // as an own property, so a "__proto__" key stays data instead of a prototype.
          Object.defineProperty(copy, name, { value: undefined, enumerable: true, writable: true, configurable: true });
          stack.push({
            input: item,
            depth: depth + 1,
            set: (result) => {
              copy[name] = result;
            },
          });
        }
      }
    }
  }
  return { value: root };
}

/** Whether containers in a JSON value nest deeper than `maxDepth` (checked without recursion). */
export function jsonNestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const stack: { input: unknown; depth: number }[] = [{ input: value, depth: 0 }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    if (frame.input === null || typeof frame.input !== "object") continue;
    if (frame.depth >= maxDepth) return true;
    for (const item of Object.values(frame.input)) stack.push({ input: item, depth: frame.depth + 1 });
  }
  return false;
}

/**
 * JSON the client attaches (metadata, attributes, chat content): at most `maxJsonDepth`
 * deep (400 otherwise), and its strings and keys normalised like content text.
 */
export function storableJson<T extends z.ZodType>(schema: T): T {
  return schema.check((payload) => {
    const normalised = mapJsonStrings(payload.value, normaliseText, { maxDepth: maxJsonDepth, mapKeys: true });
    if (normalised) payload.value = normalised.value as typeof payload.value;
    else payload.issues.push({ code: "custom", message: `nests deeper than ${maxJsonDepth} levels`, input: payload.value });
  });
}

export const jsonObjectSchema = storableJson(z.record(z.string(), z.unknown()));
