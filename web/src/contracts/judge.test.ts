import { describe, expect, it } from "vitest";
import { judgeSettingsSchema } from "@/contracts/judge";

const fieldsOf = (input: unknown) => {
  const result = judgeSettingsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
};

describe("judgeSettingsSchema", () => {
  const valid = { baseUrl: "https://api.openai.com/v1", model: "gpt-4o-mini", apiKey: "sk-x", rubric: "faithfulness" };

  it("accepts a rubric or a template, with optional budget, timeout and attempts", () => {
    expect(fieldsOf(valid)).toEqual([]);
    expect(fieldsOf({ baseUrl: "http://127.0.0.1:8080/v1", model: "llama3", template: "Rate {{output}}", dailyBudgetUsd: 0 })).toEqual([]);
    expect(fieldsOf({ ...valid, timeoutSeconds: 12.5, maxAttempts: 5 })).toEqual([]);
  });

  it("names the field that is wrong", () => {
    expect(fieldsOf({ ...valid, baseUrl: "ftp://example.com/v1" })).toEqual(["baseUrl"]);
    expect(fieldsOf({ ...valid, baseUrl: "not a url" })).toEqual(["baseUrl"]);
    expect(fieldsOf({ ...valid, model: " " })).toEqual(["model"]);
    expect(fieldsOf({ ...valid, rubric: "vibes" })).toEqual(["rubric"]);
    expect(fieldsOf({ ...valid, template: "Rate {{answer}}" })).toEqual(["template"]);
    expect(fieldsOf({ ...valid, dailyBudgetUsd: -1 })).toEqual(["dailyBudgetUsd"]);
    expect(fieldsOf({ ...valid, maxAttempts: 0 })).toEqual(["maxAttempts"]);
    expect(fieldsOf({ ...valid, timeoutSeconds: 0 })).toEqual(["timeoutSeconds"]);
    expect(fieldsOf({ ...valid, temperature: 1 })).toEqual([""]);
    expect(fieldsOf({ baseUrl: valid.baseUrl, model: valid.model })).toEqual(["rubric"]);
  });

  it("says what is wrong with a template", () => {
    const result = judgeSettingsSchema.safeParse({ ...valid, template: "Rate {{answer}}" });
    expect(result.error?.issues[0]?.message).toMatch(/Unknown variable \{\{answer\}\}/);
  });
});
