import { describe, expect, it } from "vitest";
import { jsonSchemaText, updateRequest, type ReadField } from "@/components/evaluation/evaluatorForm";

const stored = { type: "object", required: ["answer"] };
const format = { kind: "format", rubric: "relevance", retrieval: "any" } as const;

/** The edit form as a person left it: the given schema text, the other fields as they were shown. */
function formWith(schemaText: string): ReadField {
  const fields: Record<string, string> = { samplingRate: "100", settleSeconds: "120", jsonSchema: schemaText };
  return (name) => fields[name] ?? "";
}

describe("editing a format evaluator's JSON schema", () => {
  it("sends null when the shown schema is emptied, so the schema is removed", () => {
    expect(updateRequest(formWith("  "), format, { jsonSchema: stored })).toEqual({
      ok: true,
      body: { samplingRate: 1, settleSeconds: 120, filter: {}, jsonSchema: null },
    });
  });

  it("sends nothing about the schema when it is left as shown, so no new score series starts", () => {
    const outcome = updateRequest(formWith(jsonSchemaText(stored)), format, { jsonSchema: stored });
    expect(outcome).toEqual({ ok: true, body: { samplingRate: 1, settleSeconds: 120, filter: {} } });
    expect(updateRequest(formWith(""), format, { jsonSchema: null })).toEqual(outcome);
  });

  it("sends an edited schema, and names the field when it is not a JSON object", () => {
    expect(updateRequest(formWith('{"type": "array"}'), format, { jsonSchema: stored })).toMatchObject({
      ok: true,
      body: { jsonSchema: { type: "array" } },
    });
    expect(updateRequest(formWith("[1]"), format, { jsonSchema: stored })).toEqual({
      ok: false,
      fieldErrors: { jsonSchema: "A JSON Schema is an object ({ ... })" },
    });
  });
});
