import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { isTraceSampled, traceSampledSql, traceSamplePoint } from "@/server/evaluation/traceSampling";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";

const ids = Array.from({ length: 20_000 }, (_, n) => `trace-${n}`);

describe("sampling by trace id", () => {
  it("is the first 48 bits of the id's SHA-256 as a fraction", () => {
    // sha256("abc") = ba7816bf8f01..., so 0xba7816bf8f01 / 2^48.
    expect(createHash("sha256").update("abc").digest("hex").slice(0, 12)).toBe("ba7816bf8f01");
    expect(traceSamplePoint("abc")).toBe(0xba7816bf8f01 / 2 ** 48);
  });

  it("a lower rate scores a subset of a higher one", () => {
    const at10 = ids.filter((id) => isTraceSampled(id, 0.1));
    const at30 = new Set(ids.filter((id) => isTraceSampled(id, 0.3)));
    expect(at10.every((id) => at30.has(id))).toBe(true);
  });

  it("samples close to the rate, none at 0 and all at 1", () => {
    const share = ids.filter((id) => isTraceSampled(id, 0.1)).length / ids.length;
    // Binomial(20 000, 0.1): standard deviation 0.0021, so 0.09..0.11 is almost five of them.
    expect(share).toBeGreaterThan(0.09);
    expect(share).toBeLessThan(0.11);
    expect(ids.some((id) => isTraceSampled(id, 0))).toBe(false);
    expect(ids.every((id) => isTraceSampled(id, 1))).toBe(true);
  });
});

describe.each(await testDatabaseKinds())("sampling in SQL on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("chooses exactly the traces the TypeScript rule chooses, so a backfill's count matches what it scores", async () => {
    const some = ids.slice(0, 3_000);
    for (const rate of [0, 0.1, 0.37, 0.5, 1]) {
      const rows = await test.database.$queryRaw<{ id: string }[]>`
        SELECT id FROM unnest(${some}::text[]) AS t(id) WHERE ${traceSampledSql(Prisma.sql`t.id`, rate)}`;
      expect(rows.map(({ id }) => id).sort()).toEqual(some.filter((id) => isTraceSampled(id, rate)).sort());
    }
  });
});
