import { describe, expect, it } from "vitest";
import { completeSetup, initialiseFromEnvironment, isSetupComplete } from "@/server/setup/setup";
import { authenticateApiKey } from "@/server/keys/apiKeys";
import { verifyCredentials } from "@/server/auth/signIn";
import { ForbiddenError } from "@/server/errors";
import { parseEnvironment } from "@/env";
import { testDatabaseKinds, useTestDatabase, type TestDatabase } from "@/test/testDatabase";

const owner = { name: "Ada", email: "ada@example.test", password: "first-owner-pw", projectName: "Support bot" };

async function counts(test: TestDatabase) {
  const [users, projects, memberships, keys] = await Promise.all([
    test.database.user.count(),
    test.database.project.count(),
    test.database.membership.count(),
    test.database.apiKey.count(),
  ]);
  return { users, projects, memberships, keys };
}

describe.each(await testDatabaseKinds())("first-run set-up on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("creates the owner and first project once, then refuses and changes nothing", async () => {
    expect(await isSetupComplete(test.database)).toBe(false);
    const { projectId, userId } = await completeSetup(test.database, owner);
    expect(await isSetupComplete(test.database)).toBe(true);
    expect(await test.database.membership.findFirst({ where: { projectId, userId }, select: { role: true } })).toEqual({ role: "owner" });
    const before = await counts(test);
    await expect(completeSetup(test.database, { ...owner, email: "mallory@example.test" })).rejects.toThrow(ForbiddenError);
    expect(await counts(test)).toEqual(before);
    expect(await verifyCredentials(test.database, owner.email, owner.password, "127.0.0.1", new Date())).toMatchObject({ ok: true });
  });
});

describe.each(await testDatabaseKinds())("concurrent set-up on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("lets exactly one of two simultaneous attempts create an owner", async () => {
    const results = await Promise.allSettled([
      completeSetup(test.database, { ...owner, email: "one@example.test" }),
      completeSetup(test.database, { ...owner, email: "two@example.test" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejections = results.flatMap((r): unknown[] => (r.status === "rejected" ? [r.reason] : []));
    expect(rejections).toEqual([expect.any(ForbiddenError)]);
    expect(await test.database.user.count()).toBe(1);
  });
});

describe.each(await testDatabaseKinds())("headless initialisation on %s", (kind) => {
  const test = useTestDatabase(kind);

  const init = parseEnvironment({
    LIVELOOP_INIT_USER_EMAIL: "ops@example.test",
    LIVELOOP_INIT_USER_PASSWORD: "init-password",
    LIVELOOP_INIT_PROJECT_NAME: "Automation",
    LIVELOOP_INIT_PUBLIC_KEY: "pk_init_public_0123456789",
    LIVELOOP_INIT_SECRET_KEY: "sk_init_secret_0123456789",
  });

  it("does nothing without the variables", async () => {
    expect(await initialiseFromEnvironment(test.database, parseEnvironment({}))).toBe("skipped");
    expect((await counts(test)).users).toBe(0);
  });

  it("creates owner, project and both keys, and a second start changes nothing", async () => {
    expect(await initialiseFromEnvironment(test.database, init)).toBe("created");
    const after = await counts(test);
    expect(after).toEqual({ users: 1, projects: 1, memberships: 1, keys: 2 });
    const secret = await authenticateApiKey(test.database, "sk_init_secret_0123456789", new Date());
    const publicKey = await authenticateApiKey(test.database, "pk_init_public_0123456789", new Date());
    expect(secret?.kind).toBe("secret");
    expect(publicKey?.projectId).toBe(secret?.projectId);
    expect(await initialiseFromEnvironment(test.database, init)).toBe("unchanged");
    expect(await counts(test)).toEqual(after);
  });

  it("never overwrites an existing user's password", async () => {
    const changed = parseEnvironment({
      LIVELOOP_INIT_USER_EMAIL: "ops@example.test",
      LIVELOOP_INIT_USER_PASSWORD: "a-different-password",
      LIVELOOP_INIT_PROJECT_NAME: "Automation",
      LIVELOOP_INIT_PUBLIC_KEY: "pk_another_public_0123456789",
      LIVELOOP_INIT_SECRET_KEY: "sk_another_secret_0123456789",
    });
    await initialiseFromEnvironment(test.database, changed);
    expect(await verifyCredentials(test.database, "ops@example.test", "init-password", "127.0.0.1", new Date())).toMatchObject({
      ok: true,
    });
    expect(await test.database.project.count()).toBe(1);
  });
});
