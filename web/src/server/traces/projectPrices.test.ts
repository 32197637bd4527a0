import { describe, expect, it } from "vitest";
import { addModelPrice, deleteModelPrice, listModelPrices, recomputeCosts } from "@/server/traces/projectPrices";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { getTrace } from "@/server/traces/traceQueries";
import { modelPriceInputSchema } from "@/contracts/modelPrices";
import { NotFoundError } from "@/server/errors";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";

const start = "2026-06-01T10:00:00Z";

describe("model price patterns", () => {
  it("accept model names with wildcards and refuse anything else", () => {
    expect(
      modelPriceInputSchema.safeParse({ modelPattern: "gpt-4o-mini*", inputPerMillionUsd: 1, outputPerMillionUsd: 2, effectiveFrom: start })
        .success,
    ).toBe(true);
    expect(
      modelPriceInputSchema.safeParse({ modelPattern: "gpt(4|5)", inputPerMillionUsd: 1, outputPerMillionUsd: 2, effectiveFrom: start })
        .success,
    ).toBe(false);
    expect(
      modelPriceInputSchema.safeParse({ modelPattern: "x", inputPerMillionUsd: -1, outputPerMillionUsd: 2, effectiveFrom: start }).success,
    ).toBe(false);
  });
});

describe.each(await testDatabaseKinds())("project prices on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("lists, adds and removes a project's prices next to the list prices", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const price = await addModelPrice(test.database, project.id, {
      modelPattern: "in-house-*",
      inputPerMillionUsd: 1,
      outputPerMillionUsd: 3,
      effectiveFrom: start,
    });
    const listed = await listModelPrices(test.database, project.id);
    expect(listed.data).toEqual([price]);
    expect(listed.listPrices.length).toBeGreaterThan(10);
    await deleteModelPrice(test.database, project.id, price.id);
    await expect(deleteModelPrice(test.database, project.id, price.id)).rejects.toThrow(NotFoundError);
  });

  it("recomputes computed costs after a price change and keeps supplied ones", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const span = (id: string, extra: Record<string, unknown>) => ({
      id,
      type: "llm",
      name: id,
      model: "in-house-7b",
      usage: { inputTokens: 1_000_000, outputTokens: 0 },
      startTime: start,
      ...extra,
    });
    await ingestTraces(test.database, project.id, [
      { id: "unpriced", startTime: start, spans: [span("a", {})] },
      { id: "mixed", startTime: start, spans: [span("a", {}), span("b", { costUsd: 0.5 })] },
      { id: "supplied", startTime: start, costUsd: 9, spans: [span("a", {})] },
    ]);
    expect((await getTrace(test.database, project.id, "unpriced")).costUsd).toBeNull();

    await addModelPrice(test.database, project.id, {
      modelPattern: "in-house-*",
      inputPerMillionUsd: 2,
      outputPerMillionUsd: 0,
      effectiveFrom: "2026-01-01T00:00:00Z",
    });
    expect(await recomputeCosts(test.database, project.id)).toEqual({ traces: 2 });
    expect(await getTrace(test.database, project.id, "unpriced")).toMatchObject({ costUsd: 2, costSource: "computed" });
    const mixed = await getTrace(test.database, project.id, "mixed");
    expect(mixed.costUsd).toBeCloseTo(2.5, 12);
    expect(mixed.spans.map((s) => s.costUsd)).toEqual([2, 0.5]);
    expect(await getTrace(test.database, project.id, "supplied")).toMatchObject({ costUsd: 9, costSource: "supplied" });
  });
});
