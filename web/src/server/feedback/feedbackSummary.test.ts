import { describe, expect, it } from "vitest";
import { ingestFeedback } from "@/server/feedback/ingestFeedback";
import { loadFeedbackSummaries, summariseFeedback, type FeedbackFacts } from "@/server/feedback/feedbackSummary";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 12, minute)).toISOString();

let counter = 0;
function event(fields: Partial<FeedbackFacts> & Pick<FeedbackFacts, "type"> & { minute: number }): FeedbackFacts {
  counter += 1;
  const { minute, ...rest } = fields;
  return {
    id: `e${counter}`,
    traceId: "t1",
    timestamp: at(minute),
    receivedAt: at(minute),
    sessionId: null,
    userId: null,
    value: null,
    scale: null,
    reasons: [],
    comment: null,
    category: null,
    ...rest,
  };
}

describe("a feedback summary", () => {
  it("counts each person's latest thumb and rating once, whatever order the events come in", () => {
    const summary = summariseFeedback([
      event({ type: "comment", comment: "Still wrong", minute: 16 }),
      // alice changed her mind: down (minute 2) replaces up (minute 1).
      event({ type: "thumb", userId: "alice", value: -1, minute: 2 }),
      event({ type: "thumb", userId: "alice", value: 1, minute: 1 }),
      // bob withdrew his thumb: he counts as neither.
      event({ type: "thumb", userId: "bob", value: 1, minute: 1 }),
      event({ type: "thumb", userId: "bob", value: 0, minute: 3 }),
      // Anonymous, without a session: the event is its own person.
      event({ type: "thumb", value: 1, minute: 4 }),
      // Known by session only: its latest thumb (up, minute 6) counts.
      event({ type: "thumb", sessionId: "s1", value: -1, minute: 5 }),
      event({ type: "thumb", sessionId: "s1", value: 1, minute: 6 }),
      // alice 4 of 5; carol's latest is 6 of 10 = 3 of 5. Mean (4 + 3) / 2 = 3.5.
      event({ type: "rating", userId: "alice", value: 4, scale: 5, minute: 7 }),
      event({ type: "rating", userId: "carol", value: 1, scale: 10, minute: 8 }),
      event({ type: "rating", userId: "carol", value: 6, scale: 10, minute: 9 }),
      // incorrect picked twice; off_topic and too_long once each, off_topic first.
      event({ type: "reasons", userId: "alice", reasons: ["off_topic", "incorrect"], minute: 10 }),
      event({ type: "reasons", userId: "bob", reasons: ["incorrect"], minute: 11 }),
      event({ type: "reasons", userId: "carol", reasons: ["too_long"], minute: 12 }),
      event({ type: "report", category: "unsafe", comment: "Rude", minute: 13 }),
      event({ type: "report", minute: 14 }),
      event({ type: "comment", comment: "Wrong order number", minute: 15 }),
      event({ type: "copy", minute: 17 }),
    ]);
    expect(summary).toEqual({
      events: 18,
      // Up: the anonymous event and session s1. Down: alice.
      thumbsUp: 2,
      thumbsDown: 1,
      averageRating: 3.5,
      ratings: 2,
      // s1's up (minute 6) is the newest thumb still standing; bob's withdrawal (minute 3) only removes his.
      thumb: "up",
      rating: { value: 6, scale: 10 },
      reasons: ["incorrect", "off_topic", "too_long"],
      comments: ["Still wrong", "Wrong order number"],
      reports: [
        { category: null, comment: null },
        { category: "unsafe", comment: "Rude" },
      ],
      rephrased: false,
      regenerated: false,
    });
  });

  it("gives a reviewer the latest thumb and rating, every reason once, and comments and reports newest first", () => {
    const user = { userId: "u1" };
    const summary = summariseFeedback([
      event({ ...user, type: "thumb", value: 1, minute: 1 }),
      event({ ...user, type: "reasons", reasons: ["off_topic", "incorrect"], minute: 3 }),
      event({ ...user, type: "thumb", value: -1, minute: 2 }),
      event({ ...user, type: "comment", comment: "first", minute: 4 }),
      event({ ...user, type: "rating", value: 2, scale: 5, reasons: ["incorrect"], minute: 5 }),
      event({ ...user, type: "comment", comment: "second", minute: 6 }),
      event({ ...user, type: "report", category: "harmful", comment: "Rude", minute: 7 }),
      event({ ...user, type: "rephrase", value: 0.8, minute: 8 }),
      event({ ...user, type: "regenerate", minute: 9 }),
    ]);
    expect(summary).toEqual({
      events: 9,
      thumbsUp: 0,
      thumbsDown: 1,
      averageRating: 2,
      ratings: 1,
      thumb: "down",
      rating: { value: 2, scale: 5 },
      // incorrect was picked twice (with the reasons and with the rating).
      reasons: ["incorrect", "off_topic"],
      // The report's text stays with the report.
      comments: ["second", "first"],
      reports: [{ category: "harmful", comment: "Rude" }],
      rephrased: true,
      regenerated: true,
    });
  });

  it("forgets a withdrawn thumb, and reads events given at the same moment as newest first", () => {
    const withdrawn = summariseFeedback([
      event({ userId: "a", type: "thumb", value: -1, minute: 1 }),
      event({ userId: "a", type: "thumb", value: 0, minute: 2 }),
    ]);
    expect(withdrawn).toMatchObject({ thumb: null, thumbsUp: 0, thumbsDown: 0 });

    const sameMoment = summariseFeedback([
      event({ userId: "a", type: "thumb", value: -1, minute: 1 }),
      event({ userId: "a", type: "thumb", value: 1, minute: 1 }),
    ]);
    expect(sameMoment).toMatchObject({ thumb: "down", thumbsUp: 0, thumbsDown: 1 });
  });

  it("sums a session's turns: one person's thumbs on two turns are two thumbs", () => {
    const session = summariseFeedback([
      event({ traceId: "t1", userId: "a", type: "thumb", value: 1, minute: 1 }),
      event({ traceId: "t1", userId: "a", type: "rating", value: 5, minute: 2 }),
      event({ traceId: "t2", userId: "a", type: "thumb", value: -1, minute: 3 }),
      event({ traceId: "t2", userId: "a", type: "rating", value: 2, minute: 4 }),
    ]);
    // Ratings 5 and 2 of 5 on two turns: mean 3.5; the newest thumb and rating are t2's.
    expect(session).toMatchObject({
      events: 4,
      thumbsUp: 1,
      thumbsDown: 1,
      averageRating: 3.5,
      ratings: 2,
      thumb: "down",
      rating: { value: 2, scale: 5 },
    });
    expect(summariseFeedback([])).toMatchObject({ events: 0, thumbsUp: 0, averageRating: null, thumb: null, rating: null, reasons: [] });
  });
});

describe.each(await testDatabaseKinds())("feedback summaries loaded on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("summarises each asked-for trace, one without feedback too", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const now = new Date("2026-11-27T12:00:00Z");
    const later = new Date("2026-11-27T12:01:00Z");
    await ingestFeedback(
      test.database,
      project.id,
      [
        { id: "f-1", type: "thumb", value: 1, traceId: "t-1", userId: "u1", timestamp: now.toISOString() },
        { id: "f-2", type: "thumb", value: -1, traceId: "t-1", userId: "u1", timestamp: later.toISOString() },
        { id: "f-3", type: "comment", comment: "Useless", traceId: "t-1", userId: "u1", timestamp: later.toISOString() },
        { id: "f-4", type: "rating", value: 4, scale: 5, traceId: "t-2", timestamp: now.toISOString() },
      ],
      later,
    );
    const summaries = await loadFeedbackSummaries(test.database, project.id, ["t-1", "t-2", "t-3"]);
    expect([...summaries.keys()]).toEqual(["t-1", "t-2", "t-3"]);
    expect(summaries.get("t-1")).toMatchObject({ events: 3, thumbsUp: 0, thumbsDown: 1, thumb: "down", comments: ["Useless"] });
    expect(summaries.get("t-2")).toMatchObject({ events: 1, averageRating: 4, rating: { value: 4, scale: 5 } });
    expect(summaries.get("t-3")).toMatchObject({ events: 0, thumb: null });
    expect(await loadFeedbackSummaries(test.database, project.id, [])).toEqual(new Map());
  });
});
