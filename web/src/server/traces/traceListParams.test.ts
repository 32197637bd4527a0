import { describe, expect, it } from "vitest";
import { traceListParams } from "@/server/traces/traceListParams";

describe("traceListParams", () => {
  it("drops blanks and reads datetime-local values as UTC", () => {
    expect(traceListParams({ q: " refund ", from: "2026-11-01T10:30", to: "", status: "error", model: undefined }).query).toMatchObject({
      q: "refund",
      from: "2026-11-01T10:30:00Z",
      status: "error",
      limit: 50,
    });
  });

  it("reports an invalid filter and falls back to no filters", () => {
    const { query, error } = traceListParams({ status: "broken" });
    expect(error).toMatch(/^status: /);
    expect(query.status).toBeUndefined();
  });
});
