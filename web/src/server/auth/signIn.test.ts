import { describe, expect, it } from "vitest";
import { verifyCredentials } from "@/server/auth/signIn";
import { blockAfterFailures, perAddressRule, perClientRule, perEmailRule } from "@/server/auth/signInThrottle";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys, addMemberWithRole } from "@/test/factories";

const home = "203.0.113.7";
// The real per-email rule takes 100 misses; the same rule with a smaller allowance keeps the tests quick.
const rules = { perClient: { ...perClientRule, free: 15 }, perAddress: perAddressRule, perEmail: { ...perEmailRule, free: 12 } };
const attacker = "198.51.100.66";

describe("blockAfterFailures", () => {
  it("lets the first misses through, then doubles the wait up to 15 minutes", () => {
    expect(blockAfterFailures(perAddressRule, perAddressRule.free - 1)).toBe(0);
    expect(blockAfterFailures(perAddressRule, perAddressRule.free)).toBe(30_000);
    expect(blockAfterFailures(perAddressRule, perAddressRule.free + 1)).toBe(60_000);
    expect(blockAfterFailures(perAddressRule, perAddressRule.free + 20)).toBe(15 * 60_000);
  });
});

describe.each(await testDatabaseKinds())("verifyCredentials on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("accepts the right password, case-insensitively on the email", async () => {
    const { owner } = await createProjectWithKeys(test.database);
    const result = await verifyCredentials(test.database, owner.email.toUpperCase(), owner.password, home, new Date());
    expect(result).toEqual({ ok: true, userId: owner.id });
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    const { owner } = await createProjectWithKeys(test.database);
    expect(await verifyCredentials(test.database, owner.email, "wrong password", home, new Date())).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await verifyCredentials(test.database, "nobody@example.test", "whatever1", home, new Date())).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("throttles repeated failures from one address, even when the right password follows, until the block ends", async () => {
    const { owner } = await createProjectWithKeys(test.database);
    const start = new Date("2026-01-01T00:00:00Z");
    for (let i = 0; i < perAddressRule.free; i++) await verifyCredentials(test.database, owner.email, "nope", home, start);
    expect(await verifyCredentials(test.database, owner.email, owner.password, home, start)).toEqual({ ok: false, reason: "throttled" });
    const later = new Date(start.getTime() + blockAfterFailures(perAddressRule, perAddressRule.free) + 1);
    expect(await verifyCredentials(test.database, owner.email, owner.password, home, later)).toEqual({ ok: true, userId: owner.id });
    // Success clears the record: the next miss starts from zero again.
    expect(await verifyCredentials(test.database, owner.email, "nope", home, later)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials(test.database, owner.email, owner.password, home, later)).toMatchObject({ ok: true });
  });

  it("checks at most the free number of passwords when 40 guesses arrive at once", async () => {
    const { owner } = await createProjectWithKeys(test.database);
    const now = new Date("2026-01-02T00:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => verifyCredentials(test.database, owner.email, `guess ${i}`, attacker, now)),
    );
    // "invalid" means the password was checked; everything beyond the free allowance is refused unchecked.
    expect(results.filter((result) => !result.ok && result.reason === "invalid")).toHaveLength(perAddressRule.free);
    expect(results.filter((result) => !result.ok && result.reason === "throttled")).toHaveLength(40 - perAddressRule.free);
  });

  it("does not lock the real user out when a stranger guesses from another address", async () => {
    const { owner } = await createProjectWithKeys(test.database);
    const now = new Date("2026-01-03T00:00:00Z");
    for (let i = 0; i < 20; i++) await verifyCredentials(test.database, owner.email, `guess ${i}`, attacker, now);
    expect(await verifyCredentials(test.database, owner.email, "guess 21", attacker, now)).toEqual({ ok: false, reason: "throttled" });
    expect(await verifyCredentials(test.database, owner.email, owner.password, home, now)).toEqual({ ok: true, userId: owner.id });
  });

  it("pauses an email guessed from many addresses, and lets it go after the block", async () => {
    const { owner } = await createProjectWithKeys(test.database);
    const now = new Date("2026-01-04T00:00:00Z");
    for (let i = 0; i < perEmailRule.free; i++)
      await verifyCredentials(test.database, owner.email, "nope", `10.0.${i >> 8}.${i & 255}`, now);
    expect(await verifyCredentials(test.database, owner.email, owner.password, home, now)).toEqual({ ok: false, reason: "throttled" });
    const later = new Date(now.getTime() + perEmailRule.baseBlockMs + 1);
    expect(await verifyCredentials(test.database, owner.email, owner.password, home, later)).toEqual({ ok: true, userId: owner.id });
  });

  it("stops one address trying many e-mails after its hourly allowance of password checks", async () => {
    const now = new Date("2026-01-06T00:00:00Z");
    const results = [];
    for (let i = 0; i < rules.perClient.free + 3; i++) {
      results.push(await verifyCredentials(test.database, `victim-${i}@example.test`, "Summer2026!", "2001:db8:5::77", now, rules));
    }
    expect(results.filter((result) => !result.ok && result.reason === "invalid")).toHaveLength(rules.perClient.free);
    // Another address of the same /64 is the same client.
    expect(await verifyCredentials(test.database, "another@example.test", "x", "2001:db8:5::78", now, rules)).toEqual({
      ok: false,
      reason: "throttled",
    });
  });

  it("never throttles someone who keeps signing in successfully", async () => {
    const { owner } = await createProjectWithKeys(test.database);
    const now = new Date("2026-01-05T00:00:00Z");
    // From one address, more often than either the per-e-mail or the per-address allowance.
    for (let i = 0; i < Math.max(rules.perEmail.free, rules.perClient.free) + 3; i++) {
      expect(await verifyCredentials(test.database, owner.email, owner.password, "10.1.0.1", now, rules)).toMatchObject({ ok: true });
    }
  });

  it("refuses a member who was removed from every project", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const annotator = await addMemberWithRole(test.database, project.id, "annotator");
    expect(await verifyCredentials(test.database, annotator.email, annotator.password, home, new Date())).toMatchObject({ ok: true });
    await test.database.membership.deleteMany({ where: { userId: annotator.id } });
    expect(await verifyCredentials(test.database, annotator.email, annotator.password, home, new Date())).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});
