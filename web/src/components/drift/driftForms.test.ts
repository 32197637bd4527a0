import { describe, expect, it } from "vitest";
import { baselineRequest, lastWholeHour, runRequest, utcInputToIso } from "@/components/drift/driftForms";

const form = {
  name: " golden-v1 ",
  dataset: "golden",
  version: "latest",
  from: "2026-11-20T00:00",
  to: "2026-11-27T00:00",
  field: "input",
  embedder: "lexstyle-v1",
} as const;

describe("the drift dialogs' requests", () => {
  it("sends a dataset baseline without the time range the other choice would use", () => {
    expect(baselineRequest({ ...form, source: "dataset" })).toEqual({
      name: "golden-v1",
      field: "input",
      embedder: "lexstyle-v1",
      dataset: "golden",
      version: "latest",
    });
    expect(baselineRequest({ ...form, source: "dataset", version: "3" })).toMatchObject({ version: 3 });
  });

  it("sends a traffic baseline's range read as UTC, and leaves a blank end out so the API names it", () => {
    expect(baselineRequest({ ...form, source: "traffic" })).toEqual({
      name: "golden-v1",
      field: "input",
      embedder: "lexstyle-v1",
      from: "2026-11-20T00:00:00.000Z",
      to: "2026-11-27T00:00:00.000Z",
    });
    expect(baselineRequest({ ...form, source: "traffic", to: "" })).not.toHaveProperty("to");
  });

  it("asks for a run by baseline id over a UTC window", () => {
    expect(runRequest("b1", "2026-11-27T14:00", "2026-11-27T15:00")).toEqual({
      baseline: "b1",
      from: "2026-11-27T14:00:00.000Z",
      to: "2026-11-27T15:00:00.000Z",
    });
    expect(utcInputToIso("soon")).toBe("soon");
  });

  it("offers the last whole hour before now", () => {
    const hour = lastWholeHour(new Date("2026-11-27T14:35:10Z"));
    expect([hour.from.toISOString(), hour.to.toISOString()]).toEqual(["2026-11-27T13:00:00.000Z", "2026-11-27T14:00:00.000Z"]);
  });
});
