import { describe, expect, it } from "vitest";
import { getMetrics } from "@/server/metrics/metricsQuery";
import { refreshRollups } from "@/server/metrics/rollups";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { ingestFeedback } from "@/server/feedback/ingestFeedback";
import { metricsQuerySchema, type MetricFigures } from "@/contracts/metrics";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";

const now = new Date("2026-11-27T12:00:00Z");
const at = (minute: number) => `2026-11-27T11:${String(minute).padStart(2, "0")}:00.000Z`;

const traces = [
  ["a1", "model-a", "v1"],
  ["a2", "model-a", "v1"],
  ["a3", "model-a", "v2"],
  ["b1", "model-b", "v2"],
  ["b2", "model-b", "v2"],
  ["b3", "model-b", "v1"],
].map(([id, model, release]) => ({ id, model, release, startTime: at(0), endTime: at(1) }));

let sequence = 0;
const event = (traceId: string, minute: number, fields: Record<string, unknown>) => ({
  id: `f-${sequence++}`,
  traceId,
  timestamp: at(minute),
  ...fields,
});

// Worked out by hand from these events (see the figures below):
// a1 thumb up then down (latest: down) + reasons        -> down, negative, 3 events
// a2 thumb up + rating 5/5                               -> up, rating 5, 2 events
// a3 thumb down then withdrawn + rating 2/5              -> no thumb, rating 2 (<= 2/5: negative), 3 events
// b1 rating 8/10 + copy                                  -> rating 4 on the 5-point scale, 2 events
// b2 rephrase                                            -> negative, 1 event
// b3 nothing; "ghost" has feedback but no trace, so it is in no bucket
const feedback = [
  event("a1", 1, { type: "thumb", value: 1 }),
  event("a1", 2, { type: "thumb", value: -1 }),
  event("a1", 3, { type: "reasons", reasons: ["incorrect"] }),
  event("a2", 1, { type: "thumb", value: 1 }),
  event("a2", 2, { type: "rating", value: 5 }),
  event("a3", 1, { type: "thumb", value: -1 }),
  event("a3", 2, { type: "thumb", value: 0 }),
  event("a3", 3, { type: "rating", value: 2 }),
  event("b1", 1, { type: "rating", value: 8, scale: 10 }),
  event("b1", 2, { type: "copy" }),
  event("b2", 1, { type: "rephrase", value: 0.7 }),
  event("ghost", 1, { type: "thumb", value: -1 }),
];

const feedbackFigures = (figures: MetricFigures) => ({
  feedbackEvents: figures.feedbackEvents,
  thumbsUp: figures.thumbsUp,
  thumbsDown: figures.thumbsDown,
  thumbsDownRate: figures.thumbsDownRate,
  ratings: figures.ratings,
  averageRating: figures.averageRating,
  negativeTraces: figures.negativeTraces,
  negativeFeedbackRate: figures.negativeFeedbackRate,
});

describe.each(await testDatabaseKinds())("feedback metrics on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("count thumbs by each trace's latest thumb, average latest ratings on a 5-point scale, and rate negative feedback", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await ingestTraces(test.database, project.id, traces);
    expect((await ingestFeedback(test.database, project.id, feedback, now)).rejected).toEqual([]);
    await refreshRollups(test.database, project.id);
    const read = (breakdown?: "model" | "release") =>
      getMetrics(test.database, project.id, metricsQuerySchema.parse({ range: "24h", breakdown }), now);

    expect(feedbackFigures((await read()).totals)).toEqual({
      feedbackEvents: 11,
      thumbsUp: 1,
      thumbsDown: 1,
      thumbsDownRate: 0.5,
      ratings: 3,
      averageRating: 11 / 3,
      negativeTraces: 3,
      negativeFeedbackRate: 0.5,
    });
    const byModel = Object.fromEntries((await read("model")).series.map((series) => [series.key, feedbackFigures(series.totals)]));
    expect(byModel).toEqual({
      "model-a": {
        feedbackEvents: 8,
        thumbsUp: 1,
        thumbsDown: 1,
        thumbsDownRate: 0.5,
        ratings: 2,
        averageRating: 3.5,
        negativeTraces: 2,
        negativeFeedbackRate: 2 / 3,
      },
      "model-b": {
        feedbackEvents: 3,
        thumbsUp: 0,
        thumbsDown: 0,
        thumbsDownRate: null,
        ratings: 1,
        averageRating: 4,
        negativeTraces: 1,
        negativeFeedbackRate: 1 / 3,
      },
    });
    const byRelease = Object.fromEntries((await read("release")).series.map((series) => [series.key, feedbackFigures(series.totals)]));
    expect(byRelease.v1).toMatchObject({ feedbackEvents: 5, thumbsDownRate: 0.5, averageRating: 5, negativeFeedbackRate: 1 / 3 });
    expect(byRelease.v2).toMatchObject({ feedbackEvents: 6, thumbsDownRate: null, averageRating: 3, negativeFeedbackRate: 2 / 3 });

    // Feedback arriving after the rollups were built moves the figures of its trace's bucket.
    await ingestFeedback(test.database, project.id, [event("b3", 5, { type: "thumb", value: -1 })], now);
    await refreshRollups(test.database, project.id);
    expect(feedbackFigures((await read()).totals)).toMatchObject({ feedbackEvents: 12, thumbsDown: 2, negativeTraces: 4 });
  });
});
