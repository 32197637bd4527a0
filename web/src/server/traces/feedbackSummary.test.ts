import { describe, expect, it } from "vitest";
import type { StoredFeedbackEvent } from "@/contracts/feedback";
import { combineFeedbackSummaries, summariseFeedback } from "@/server/traces/feedbackSummary";

let counter = 0;
function event(fields: Partial<StoredFeedbackEvent> & Pick<StoredFeedbackEvent, "type">): StoredFeedbackEvent {
  counter += 1;
  return {
    id: `e${counter}`,
    traceId: "t1",
    timestamp: "2026-11-27T10:00:00.000Z",
    receivedAt: "2026-11-27T10:00:00.000Z",
    sessionId: null,
    userId: null,
    value: null,
    scale: null,
    reasons: [],
    comment: null,
    category: null,
    metadata: null,
    ...fields,
  };
}

describe("summariseFeedback", () => {
  it("counts each person's latest thumb and rating once, newest first", () => {
    const summary = summariseFeedback([
      // alice changed her mind: down (newest) wins over up; bob withdrew his thumb.
      event({ type: "thumb", userId: "alice", value: -1 }),
      event({ type: "thumb", userId: "alice", value: 1 }),
      event({ type: "thumb", userId: "bob", value: 0 }),
      event({ type: "thumb", userId: "bob", value: 1 }),
      event({ type: "thumb", value: 1 }),
      // 4 of 5 and 6 of 10 (= 3 of 5): mean 3.5 of 5.
      event({ type: "rating", userId: "alice", value: 4, scale: 5 }),
      event({ type: "rating", userId: "carol", value: 6, scale: 10 }),
      event({ type: "rating", userId: "carol", value: 1, scale: 10 }),
      event({ type: "reasons", userId: "alice", reasons: ["off_topic", "incorrect"] }),
      event({ type: "reasons", userId: "bob", reasons: ["incorrect"] }),
      event({ type: "report", category: "unsafe" }),
      event({ type: "comment", comment: "Wrong order number" }),
    ]);
    expect(summary).toEqual({
      thumbsUp: 1,
      thumbsDown: 1,
      averageRating: 3.5,
      ratings: 2,
      reasons: ["incorrect", "off_topic"],
      reports: ["unsafe"],
      comments: 1,
      total: 12,
    });
  });

  it("adds up a session's turns", () => {
    const first = summariseFeedback([event({ type: "thumb", userId: "a", value: 1 }), event({ type: "rating", userId: "a", value: 5 })]);
    const second = summariseFeedback([event({ type: "thumb", userId: "a", value: -1 }), event({ type: "rating", userId: "a", value: 2 })]);
    expect(combineFeedbackSummaries([first, second])).toMatchObject({
      thumbsUp: 1,
      thumbsDown: 1,
      averageRating: 3.5,
      ratings: 2,
      total: 4,
    });
    expect(combineFeedbackSummaries([])).toMatchObject({ thumbsUp: 0, averageRating: null, total: 0 });
  });
});
