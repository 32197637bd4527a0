import { describe, expect, it } from "vitest";
import { blockAfterFailures, freeFailures, verifyCredentials } from "@/server/auth/signIn";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys, addMemberWithRole } from "@/test/factories";

describe("blockAfterFailures", () => {
  it("lets the first misses through, then doubles the wait up to 15 minutes", () => {
    expect(blockAfterFailures(freeFailures - 1)).toBe(0);
    expect(blockAfterFailures(freeFailures)).toBe(30_000);
    expect(blockAfterFailures(freeFailures + 1)).toBe(60_000);
    expect(blockAfterFailures(freeFailures + 20)).toBe(15 * 60_000);
  });
});

describe.each(await testDatabaseKinds())("verifyCredentials on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("accepts the right password, case-insensitively on the email", async () => {
    const { owner } = await createProjectWithKeys(test.database);
    const result = await verifyCredentials(test.database, owner.email.toUpperCase(), owner.password, new Date());
    expect(result).toEqual({ ok: true, userId: owner.id });
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    const { owner } = await createProjectWithKeys(test.database);
    expect(await verifyCredentials(test.database, owner.email, "wrong password", new Date())).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials(test.database, "nobody@example.test", "whatever1", new Date())).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("throttles repeated failures, even when the right password follows, until the block ends", async () => {
    const { owner } = await createProjectWithKeys(test.database);
    const start = new Date("2026-01-01T00:00:00Z");
    for (let i = 0; i < freeFailures; i++) await verifyCredentials(test.database, owner.email, "nope", start);
    expect(await verifyCredentials(test.database, owner.email, owner.password, start)).toEqual({ ok: false, reason: "throttled" });
    const later = new Date(start.getTime() + blockAfterFailures(freeFailures) + 1);
    expect(await verifyCredentials(test.database, owner.email, owner.password, later)).toEqual({ ok: true, userId: owner.id });
    // Success clears the record: the next miss starts from zero again.
    expect(await verifyCredentials(test.database, owner.email, "nope", later)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials(test.database, owner.email, owner.password, later)).toMatchObject({ ok: true });
  });

  it("refuses a member who was removed from every project", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const annotator = await addMemberWithRole(test.database, project.id, "annotator");
    expect(await verifyCredentials(test.database, annotator.email, annotator.password, new Date())).toMatchObject({ ok: true });
    await test.database.membership.deleteMany({ where: { userId: annotator.id } });
    expect(await verifyCredentials(test.database, annotator.email, annotator.password, new Date())).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});
