import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { feedbackEventTypes, type FeedbackBatch, type FeedbackEvent } from "@liveloop/widget/protocol";
import { feedbackEventSchema, type feedbackBatchSchema } from "@/contracts/feedback";

describe("the feedback contract", () => {
  it("accepts exactly the widget's wire types, in both directions", () => {
    expectTypeOf<z.input<typeof feedbackEventSchema>>().toEqualTypeOf<FeedbackEvent>();
    expectTypeOf<z.output<typeof feedbackEventSchema>>().toEqualTypeOf<FeedbackEvent>();
    expectTypeOf<z.output<typeof feedbackBatchSchema>>().toEqualTypeOf<FeedbackBatch>();
  });

  it("accepts one well-formed event of every type the widget sends", () => {
    const base = { id: "6a1f0f2c-8f5e-4f59-9a53-d1f0b7d0e001", traceId: "t-1", timestamp: "2026-11-27T10:00:00.000Z" };
    const events: Record<(typeof feedbackEventTypes)[number], FeedbackEvent> = {
      thumb: { ...base, type: "thumb", value: 0 },
      rating: { ...base, type: "rating", value: 3, scale: 3 },
      reasons: { ...base, type: "reasons", reasons: ["Too long"] },
      comment: { ...base, type: "comment", comment: "Fine." },
      report: { ...base, type: "report", category: "harmful", comment: "It insulted me." },
      copy: { ...base, type: "copy" },
      rephrase: { ...base, type: "rephrase", value: 0.82, sessionId: "s" },
      regenerate: { ...base, type: "regenerate", metadata: { attempt: 2 } },
    };
    for (const type of feedbackEventTypes) expect(feedbackEventSchema.safeParse(events[type]).success, type).toBe(true);
  });

  it("refuses fields a type does not use instead of dropping them", () => {
    const base = { id: "x", traceId: "t", timestamp: "2026-11-27T10:00:00Z" };
    expect(feedbackEventSchema.safeParse({ ...base, type: "copy", value: 1 }).success).toBe(false);
    expect(feedbackEventSchema.safeParse({ ...base, type: "thumb", value: 1, scale: 5 }).success).toBe(false);
    expect(feedbackEventSchema.safeParse({ ...base, type: "rephrase", value: 1.5 }).success).toBe(false);
    expect(feedbackEventSchema.safeParse({ ...base, type: "thumb", value: 1, extra: true }).success).toBe(false);
  });
});
