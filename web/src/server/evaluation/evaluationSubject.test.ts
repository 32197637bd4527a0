import { describe, expect, it } from "vitest";
import { evaluationSubjectOf, retrievedPassages } from "@/server/evaluation/evaluationSubject";

describe("the subject an evaluator reads", () => {
  it("takes the last user message, the answer and every retrieved passage", () => {
    const subject = evaluationSubjectOf(
      {
        input: [
          { role: "system", content: "You are a shop assistant." },
          { role: "user", content: "Hi" },
          { role: "assistant", content: "Hello!" },
          { role: "user", content: "How long do refunds take?" },
        ],
        output: [{ role: "assistant", content: "Refunds take 5 business days." }],
      },
      [
        { type: "retrieval", output: [{ page_content: "Refunds are paid within 5 business days." }, "Shipping is free over $50."] },
        { type: "llm", output: "not a passage" },
        { type: "retrieval", output: { documents: [{ text: "Returns need a receipt." }, { score: 0.3 }] } },
      ],
    );
    expect(subject).toEqual({
      input: "How long do refunds take?",
      output: "Refunds take 5 business days.",
      contexts: ["Refunds are paid within 5 business days.", "Shipping is free over $50.", "Returns need a receipt."],
      expected: undefined,
    });
  });

  it("reads no passage from output it cannot recognise as documents", () => {
    expect(retrievedPassages({ ids: [1, 2], distances: [0.1, 0.2] })).toEqual([]);
    expect(retrievedPassages(null)).toEqual([]);
    expect(retrievedPassages("  ")).toEqual([]);
  });
});
