import { describe, expect, it } from "vitest";
import { datasetAssertionSchema, type DatasetAssertion } from "@/contracts/datasetAssertions";
import { checkRunOutput, normaliseForMatch, type RunCheckDependencies } from "@/server/datasets/runs/checkRunOutput";
import { cosineSimilarity } from "@/server/embeddings/cosineSimilarity";
import { defaultSemanticEmbedder } from "@/server/embeddings/defaultSemanticEmbedder";

// The route test covers the judge over HTTP and the default assertion end to end; here each
// assertion type passes and fails on its own, with the product's embedder.
const dependencies: RunCheckDependencies = {
  async similarity(output, expected) {
    const [a, b] = await defaultSemanticEmbedder().embed([output, expected]);
    return cosineSimilarity(a ?? [], b ?? []);
  },
  judge: () => Promise.resolve({ ok: false, error: "no judge in this test" }),
  prefer: () => Promise.resolve({ ok: false, error: "no judge in this test" }),
};

const subject = { question: "What is the refund window?", expected: "Refunds are possible within 30 days." };
const assertion = (raw: unknown): DatasetAssertion => datasetAssertionSchema.parse(raw);
const check = async (raw: unknown, output: string) => (await checkRunOutput(output, subject, [assertion(raw)], dependencies)).status;

describe("checkRunOutput", () => {
  it("normalises case, whitespace and compatibility forms for matching", () => {
    expect(normaliseForMatch("  Ｒefunds\tARE\n possible ")).toBe("refunds are possible");
  });

  it("exact: normalised by default, byte for byte when asked", async () => {
    expect(await check({ type: "exact" }, " refunds are possible WITHIN 30 days. ")).toBe("passed");
    expect(await check({ type: "exact", normalise: false }, "refunds are possible within 30 days.")).toBe("failed");
    expect(await check({ type: "exact", normalise: false }, subject.expected)).toBe("passed");
  });

  it("contains: case-insensitive by default", async () => {
    expect(await check({ type: "contains", text: "30 DAYS" }, subject.expected)).toBe("passed");
    expect(await check({ type: "contains", text: "30 DAYS", caseSensitive: true }, subject.expected)).toBe("failed");
  });

  it("regex: with its flags", async () => {
    expect(await check({ type: "regex", pattern: "^refunds.*\\d+ days\\.$", flags: "i" }, subject.expected)).toBe("passed");
    expect(await check({ type: "regex", pattern: "^refunds" }, subject.expected)).toBe("failed");
    expect(await check({ type: "regex", pattern: "^within", flags: "m" }, "Refunds:\nwithin 30 days")).toBe("passed");
    expect(await check({ type: "regex", pattern: "refunds.within", flags: "is" }, "Refunds\nwithin 30 days")).toBe("passed");
    expect(await check({ type: "regex", pattern: "refunds.within", flags: "i" }, "Refunds\nwithin 30 days")).toBe("failed");
  });

  it("regex: a pattern that backtracks without end in JavaScript is answered at once", async () => {
    // /(a+)+$/ against 40 a's and a b takes V8 2^40 steps: the process would hang here.
    expect(await check({ type: "regex", pattern: "(a+)+$" }, `${"a".repeat(40)}b`)).toBe("failed");
    expect(await check({ type: "regex", pattern: "(a+)+$" }, "a".repeat(100_000))).toBe("passed");
  });

  it("regex: lookaround and backreferences are refused when declared, naming why", () => {
    for (const pattern of ["(?=refund)", "(?<!no )refund", "(a)\\1"]) {
      const parsed = datasetAssertionSchema.safeParse({ type: "regex", pattern });
      expect(parsed.success, pattern).toBe(false);
      const issue = parsed.error?.issues[0];
      expect(issue?.path).toEqual(["pattern"]);
      expect(issue?.message).toContain("lookaround and backreferences");
    }
  });

  it("json_schema: the output must be JSON that satisfies the schema", async () => {
    const schema = { type: "object", properties: { days: { type: "integer" } }, required: ["days"] };
    expect(await check({ type: "json_schema", schema }, '{"days": 30}')).toBe("passed");
    const wrongType = await checkRunOutput('{"days": "thirty"}', subject, [assertion({ type: "json_schema", schema })], dependencies);
    expect(wrongType.status).toBe("failed");
    expect(wrongType.assertions[0]?.message).toContain("days");
    expect(await check({ type: "json_schema", schema }, "thirty days")).toBe("failed");
  });

  it("similarity: a paraphrase passes a threshold an unrelated answer misses", async () => {
    const close = await checkRunOutput(
      "Refunds are possible within thirty days.",
      subject,
      [assertion({ type: "similarity", threshold: 0.8 })],
      dependencies,
    );
    expect(close.status).toBe("passed");
    expect(close.assertions[0]?.value).toBeGreaterThanOrEqual(0.8);
    const far = await checkRunOutput(
      "The parcel ships from Berlin.",
      subject,
      [assertion({ type: "similarity", threshold: 0.8 })],
      dependencies,
    );
    expect(far.status).toBe("failed");
    expect(far.assertions[0]?.value).toBeLessThan(0.8);
  });

  it("all declared assertions must pass, and one that cannot be checked makes the item an error", async () => {
    const both = [assertion({ type: "contains", text: "30" }), assertion({ type: "regex", pattern: "weeks" })];
    expect((await checkRunOutput(subject.expected, subject, both, dependencies)).status).toBe("failed");
    const withJudge = [assertion({ type: "contains", text: "30" }), assertion({ type: "judge", evaluator: "correctness" })];
    const judged = await checkRunOutput(subject.expected, subject, withJudge, dependencies);
    expect(judged.status).toBe("error");
    expect(judged.assertions[1]).toMatchObject({ type: "judge", passed: false, error: "no judge in this test" });
  });

  it("score: reads the built-in scores computed before the check; without them the item is an error", async () => {
    const noLeak = [assertion({ type: "score", name: "pii_leak", max: 0 })];
    const leak = (value: boolean) => ({
      scores: [
        { name: "pii_leak", evaluator: "pii_leak", dataType: "boolean", value, category: null, explanation: null, error: null },
      ] as const,
      scoreNames: new Set(["pii_leak"]),
    });
    expect((await checkRunOutput(subject.expected, subject, noLeak, dependencies, leak(false))).status).toBe("passed");
    expect((await checkRunOutput(subject.expected, subject, noLeak, dependencies, leak(true))).status).toBe("failed");
    expect((await checkRunOutput(subject.expected, subject, noLeak, dependencies)).status).toBe("error");
  });
});
