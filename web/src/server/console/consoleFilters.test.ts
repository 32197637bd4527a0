import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseConsoleFilters } from "@/server/console/consoleFilters";

const schema = z
  .object({
    status: z.enum(["open", "done"]).default("open"),
    from: z.iso.datetime().optional(),
    limit: z.coerce.number().int().max(100).default(50),
  })
  .strict();

describe("parseConsoleFilters", () => {
  it("reads the first value of known parameters, drops blanks and unknown ones, reads local times as UTC", () => {
    const { query, error } = parseConsoleFilters(schema, { status: ["done", "open"], from: "2026-11-01T10:30", limit: " ", utm: "x" });
    expect(error).toBeNull();
    expect(query).toEqual({ status: "done", from: "2026-11-01T10:30:00Z", limit: 50 });
  });
  it("puts what the page fixes on top of the URL", () => {
    expect(parseConsoleFilters(schema, { limit: "7" }, { limit: 100 }).query.limit).toBe(100);
  });
  it("reports an invalid filter and falls back to the defaults", () => {
    const { query, error } = parseConsoleFilters(schema, { status: "archived", from: "yesterday" }, { limit: 20 });
    expect(query).toEqual({ status: "open", limit: 20 });
    expect(error).toMatch(/^status: .+; from: .+/);
  });
});
