import { describe, expect, it } from "vitest";
import { userForExternalAccount } from "@/server/auth/externalAccounts";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys, createUser, uniqueEmail } from "@/test/factories";

const now = new Date("2026-11-27T10:00:00.000Z");

describe.each(await testDatabaseKinds())("GitHub / OIDC sign-in on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("admits no stranger: an e-mail without an account or a pending invitation gets no user", async () => {
    const email = uniqueEmail("stranger");
    expect(await userForExternalAccount(test.database, "github", `gh-${email}`, email, now)).toBeNull();
    expect(await test.database.user.count({ where: { email } })).toBe(0);
  });

  it("makes an account, without a password, for someone invited, so they can accept through the link", async () => {
    const { project, owner } = await createProjectWithKeys(test.database);
    const email = uniqueEmail("invited");
    await test.database.invitation.create({
      data: {
        projectId: project.id,
        email,
        role: "viewer",
        tokenHash: `hash-${email}`,
        invitedById: owner.id,
        expiresAt: new Date(now.getTime() + 60_000),
      },
    });
    const userId = await userForExternalAccount(test.database, "oidc", `sub-${email}`, email.toUpperCase(), now);
    expect(await test.database.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } })).toEqual({
      id: userId,
      passwordHash: null,
    });
    // The identity is linked: the next sign-in finds the same person by provider id alone.
    expect(await userForExternalAccount(test.database, "oidc", `sub-${email}`, null, now)).toBe(userId);
  });

  it("links an existing account without a password by e-mail once", async () => {
    const existing = await test.database.user.create({ data: { email: uniqueEmail("external") }, select: { id: true, email: true } });
    expect(await userForExternalAccount(test.database, "github", `gh-${existing.email}`, existing.email, now)).toBe(existing.id);
    expect(await test.database.authAccount.count({ where: { userId: existing.id } })).toBe(1);
  });

  it("never links an account that has a password to an identity by its e-mail claim", async () => {
    const existing = await createUser(test.database);
    expect(await userForExternalAccount(test.database, "oidc", `sub-${existing.email}`, existing.email, now)).toBeNull();
    expect(await test.database.authAccount.count({ where: { userId: existing.id } })).toBe(0);
  });
});
