import { describe, expect, it } from "vitest";
import { checkAnswerJsonSchema, pointerToPath } from "@/server/evaluation/builtin/formatAnswerSchema";
import { checkAnswerFormat, formatEvaluator, unfenceJson } from "@/server/evaluation/builtin/formatEvaluator";
import { orderSchema } from "@/server/evaluation/labelled/safety/formatExamples";
import { answerOnly, safetyContext } from "@/server/evaluation/labelled/safety/safetyTestContext";

describe("format: JSON", () => {
  it("tolerates one ```json fence and surrounding whitespace, no more", () => {
    expect(unfenceJson('\n```json\n{"a": 1}\n```\n')).toBe('{"a": 1}');
    expect(unfenceJson("```\n[1]\n```")).toBe("[1]");
    expect(checkAnswerFormat('```json\n{"a": 1}\n```\n```json\n{"b": 2}\n```', undefined).valid).toBe(false);
  });

  it("reports where the JSON breaks, by line and column", () => {
    expect(checkAnswerFormat('{\n  "a": 1\n  "b": 2\n}', undefined)).toEqual({
      valid: false,
      explanation: "The answer is not valid JSON at line 3, column 3: Expected ',' or '}' after property value.",
    });
    expect(checkAnswerFormat("{'a': 1}", undefined).explanation).toBe(
      "The answer is not valid JSON at line 1, column 2: Expected property name or '}'.",
    );
  });

  it("applies to answers that look like JSON, or to every answer once a schema is declared", () => {
    expect(formatEvaluator.applies(answerOnly('  {"a": 1}'), safetyContext())).toBe(true);
    expect(formatEvaluator.applies(answerOnly("```json\n[1]\n```"), safetyContext())).toBe(true);
    expect(formatEvaluator.applies(answerOnly("Paris."), safetyContext())).toBe(false);
    expect(formatEvaluator.applies(answerOnly("Paris."), safetyContext(orderSchema))).toBe(true);
  });
});

describe("format: declared schema", () => {
  const check = (output: unknown) => checkAnswerFormat(JSON.stringify(output), orderSchema);

  it("accepts a matching answer", () => {
    expect(check({ orderId: "ORD-1", items: [{ sku: "A", quantity: 2 }] })).toEqual({
      valid: true,
      explanation: "The answer is valid JSON and matches the declared schema.",
    });
  });

  it.each([
    [{ orderId: "ORD-1", items: [{ sku: "A", quantity: 0 }] }, "$.items[0].quantity: must be >= 1"],
    [{ orderId: "ORD-1", items: [{ sku: "A" }] }, "$.items[0].quantity: required property missing"],
    [{ orderId: "ORD-1", items: [{ sku: "A", quantity: 1 }], note: "x" }, "$.note: property not allowed"],
    [{ orderId: "ORD-1", email: "nobody", items: [{ sku: "A", quantity: 1 }] }, '$.email: must match format "email"'],
    [{ orderId: "1", items: [{ sku: "A", quantity: 1 }] }, '$.orderId: must match pattern "^ORD-\\d+$"'],
    [[], "$: must be object"],
  ])("gives the first error with its JSON path: %j", (output, error) => {
    expect(check(output)).toEqual({ valid: false, explanation: `The answer does not match the declared schema: ${error}.` });
  });

  it("writes JSON Pointers as JSONPath, quoting keys that are not identifiers", () => {
    expect(pointerToPath("/items/0/a~1b/first name")).toBe('$.items[0]["a/b"]["first name"]');
  });

  it("keeps schemas with the same $id apart", () => {
    const one = { $id: "https://example.com/answer", type: "object", required: ["a"] };
    const two = { $id: "https://example.com/answer", type: "object", required: ["b"] };
    expect(checkAnswerFormat('{"a": 1}', one).valid).toBe(true);
    expect(checkAnswerFormat('{"a": 1}', two).valid).toBe(false);
  });
});

describe("checkAnswerJsonSchema", () => {
  it("accepts usable draft 2020-12 schemas", () => {
    expect(checkAnswerJsonSchema(orderSchema)).toBeNull();
    expect(checkAnswerJsonSchema(true)).toBeNull();
    expect(checkAnswerJsonSchema({ $schema: "https://json-schema.org/draft/2020-12/schema", type: "array" })).toBeNull();
  });

  it.each([
    ["not an object", "object", "the answer schema must be a JSON Schema object (or true/false)"],
    [
      "a wrong type name",
      { type: "objekt" },
      "the answer schema is not valid JSON Schema: schema.type: must be equal to one of the allowed values",
    ],
    ["a misspelt keyword", { tpye: "object" }, 'the answer schema cannot be used: strict mode: unknown keyword: "tpye"'],
    ["a dangling $ref", { $ref: "#/$defs/missing" }, "the answer schema cannot be used: can't resolve reference #/$defs/missing from id #"],
    [
      "an unknown format",
      { type: "string", format: "colour" },
      'the answer schema cannot be used: unknown format "colour" ignored in schema at path "#"',
    ],
    [
      "another draft",
      { $schema: "http://json-schema.org/draft-07/schema#" },
      'the answer schema declares $schema "http://json-schema.org/draft-07/schema#"; only draft 2020-12 is supported',
    ],
  ])("reports %s", (_case, schema, problem) => {
    expect(checkAnswerJsonSchema(schema)).toBe(problem);
  });

  it("fails the evaluation with a configuration error rather than scoring the answer", async () => {
    await expect(formatEvaluator.evaluate(answerOnly('{"a": 1}'), safetyContext({ type: "objekt" }))).rejects.toThrow(
      /^Configuration error: the answer schema is not valid JSON Schema/,
    );
  });
});
