import { describe, expect, it } from "vitest";
import { createRephraseDetector } from "./rephraseDetector.ts";

describe("rephrase detection", () => {
  it("flags the answer when the next question comes soon and says the same thing", () => {
    const detector = createRephraseDetector();
    expect(detector.userMessage("How do I reset my password?", "s", 0)).toBeNull();
    detector.answerShown("answer-1", "s", 1_000);
    const found = detector.userMessage("how can I reset my password", "s", 30_000);
    expect(found?.traceId).toBe("answer-1");
    expect(found?.similarity).toBeGreaterThanOrEqual(0.5);
  });

  it("ignores a similar question after the window, a different question, and a question with no answer between", () => {
    const late = createRephraseDetector({ windowMs: 10_000 });
    late.userMessage("reset my password", "s", 0);
    late.answerShown("a", "s", 1_000);
    expect(late.userMessage("reset my password please", "s", 11_001)).toBeNull();

    const different = createRephraseDetector();
    different.userMessage("reset my password", "s", 0);
    different.answerShown("a", "s", 1_000);
    expect(different.userMessage("what are your opening hours", "s", 2_000)).toBeNull();

    const unanswered = createRephraseDetector();
    unanswered.userMessage("reset my password", "s", 0);
    expect(unanswered.userMessage("reset my password", "s", 1_000)).toBeNull();
  });

  it("keeps sessions apart and honours the configured method and threshold", () => {
    const strict = createRephraseDetector({ method: "words", threshold: 0.6 });
    strict.userMessage("How do I reset my password", "s1", 0);
    strict.answerShown("a1", "s1", 1);
    strict.userMessage("How do I reset my password", "s2", 2);
    // Word Jaccard 0.5 (worked out in similarity.test.ts) is under 0.6.
    expect(strict.userMessage("how can I reset the password?", "s1", 3)).toBeNull();
    const lenient = createRephraseDetector({ method: "words", threshold: 0.5 });
    lenient.userMessage("How do I reset my password", "s1", 0);
    lenient.answerShown("a1", "s1", 1);
    expect(lenient.userMessage("how can I reset the password?", "s1", 3)).toEqual({ traceId: "a1", similarity: 0.5 });
  });
});
