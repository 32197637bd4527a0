import { describe, expect, it } from "vitest";
import { summarizeFeedback, type FeedbackFacts } from "@/server/review/feedbackSummary";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 12, minute));
const event = (fields: Partial<FeedbackFacts> & { type: string; occurredAt: Date }): FeedbackFacts => ({
  value: null,
  scale: null,
  reasons: [],
  comment: null,
  category: null,
  ...fields,
});

describe("a feedback summary", () => {
  it("keeps the last thumb and rating, every reason once, and comments and reports newest first", () => {
    const summary = summarizeFeedback([
      event({ type: "thumb", value: 1, occurredAt: at(1) }),
      event({ type: "reasons", reasons: ["off_topic", "incorrect"], occurredAt: at(3) }),
      event({ type: "thumb", value: -1, occurredAt: at(2) }),
      event({ type: "comment", comment: "first", occurredAt: at(4) }),
      event({ type: "rating", value: 2, scale: 5, reasons: ["incorrect"], occurredAt: at(5) }),
      event({ type: "comment", comment: "second", occurredAt: at(6) }),
      event({ type: "report", category: "harmful", comment: "Rude", occurredAt: at(7) }),
      event({ type: "rephrase", value: 0.8, occurredAt: at(8) }),
    ]);
    expect(summary).toEqual({
      thumb: "down",
      rating: { value: 2, scale: 5 },
      reasons: ["off_topic", "incorrect"],
      comments: ["second", "first"],
      reports: [{ category: "harmful", comment: "Rude" }],
      rephrased: true,
      regenerated: false,
      events: 8,
    });
  });

  it("forgets a withdrawn thumb", () => {
    const summary = summarizeFeedback([
      event({ type: "thumb", value: -1, occurredAt: at(1) }),
      event({ type: "thumb", value: 0, occurredAt: at(2) }),
    ]);
    expect(summary.thumb).toBeNull();
  });
});
