import { describe, expect, it } from "vitest";
import { jsonNestsDeeperThan, jsonObjectSchema, mapJsonStrings, maxJsonDepth, normaliseText, timestampSchema } from "@/contracts/common";
import { maskPiiInJson, type JsonValue } from "@/server/pii/detectors";

/** `[[[...]]]` nested `depth` deep, built without recursion. */
function nestedArrays(depth: number): unknown[] {
  const root: unknown[] = [];
  let current = root;
  for (let i = 1; i < depth; i++) {
    const next: unknown[] = [];
    current.push(next);
    current = next;
  }
  current.push("alice@example.com");
  return root;
}

describe("input rules", () => {
  it("normalise text: NUL removed, lone surrogates replaced, pairs kept", () => {
    expect(normaliseText("a\u0000b")).toBe("ab");
    expect(normaliseText("x\ud800y\udc00")).toBe("x\ufffdy\ufffd");
    expect(normaliseText("ok 😀")).toBe("ok 😀");
  });

  it("walk JSON 100 000 levels deep without overflowing the stack", () => {
    const deep = nestedArrays(100_000);
    expect(jsonNestsDeeperThan(deep, maxJsonDepth)).toBe(true);
    expect(mapJsonStrings(deep, normaliseText, { maxDepth: maxJsonDepth, mapKeys: true })).toBeNull();
    expect(() => maskPiiInJson(deep as JsonValue)).not.toThrow();
    expect(jsonObjectSchema.safeParse({ deep }).success).toBe(false);
  });

  it("accept JSON exactly at the depth limit and refuse one level more", () => {
    expect(jsonNestsDeeperThan(nestedArrays(maxJsonDepth), maxJsonDepth)).toBe(false);
    expect(jsonNestsDeeperThan(nestedArrays(maxJsonDepth + 1), maxJsonDepth)).toBe(true);
  });

  it("normalise keys and values, keeping a __proto__ key as data", () => {
    const parsed = JSON.parse('{"__proto__": {"a\\u0000": "\\ud800"}, "list": ["x\\u0000"]}') as Record<string, unknown>;
    const result = mapJsonStrings(parsed, normaliseText, { maxDepth: maxJsonDepth, mapKeys: true })?.value;
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(JSON.stringify(result)).toBe('{"__proto__":{"a":"\ufffd"},"list":["x"]}');
  });

  it("keep timestamps within 1970 through 9999 after the offset applies", () => {
    expect(timestampSchema.safeParse("1970-01-01T00:00:00Z").success).toBe(true);
    expect(timestampSchema.safeParse("9999-12-31T23:59:59.999Z").success).toBe(true);
    expect(timestampSchema.safeParse("1970-01-01T00:30:00+01:00").success).toBe(false);
    expect(timestampSchema.safeParse("9999-12-31T23:00:00-01:00").success).toBe(false);
    expect(timestampSchema.safeParse("0000-01-01T00:00:00Z").success).toBe(false);
  });
});
