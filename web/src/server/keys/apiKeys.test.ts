import { describe, expect, it } from "vitest";
import { authenticateApiKey, createApiKey, hashApiKey, normaliseOrigin, revokeApiKey } from "@/server/keys/apiKeys";
import { listProjectApiKeys } from "@/server/keys/projectApiKeys";
import { BadRequestError, NotFoundError } from "@/server/errors";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";

describe("normaliseOrigin", () => {
  it("keeps scheme, host and port only", () => {
    expect(normaliseOrigin("https://Chat.Example.com/path?q=1")).toBe("https://chat.example.com");
    expect(normaliseOrigin("http://localhost:5173/")).toBe("http://localhost:5173");
  });
  it("rejects what is not an http(s) origin", () => {
    expect(() => normaliseOrigin("chat.example.com")).toThrow(BadRequestError);
    expect(() => normaliseOrigin("ftp://example.com")).toThrow(BadRequestError);
  });
});

describe.each(await testDatabaseKinds())("API keys on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("stores only a hash and a short prefix, and finds the key again by its secret", async () => {
    const { project, secretKey } = await createProjectWithKeys(test.database);
    expect(secretKey.key).toMatch(/^sk_[A-Za-z0-9_-]{32}$/);
    const row = await test.database.apiKey.findUniqueOrThrow({ where: { id: secretKey.id } });
    expect(row.secretHash).toBe(hashApiKey(secretKey.key));
    expect(JSON.stringify(row)).not.toContain(secretKey.key);
    expect(await authenticateApiKey(test.database, secretKey.key, new Date())).toEqual({
      id: secretKey.id,
      projectId: project.id,
      kind: "secret",
      allowedOrigins: [],
    });
  });

  it("rejects an unknown key that shares the prefix of a real one", async () => {
    const { secretKey } = await createProjectWithKeys(test.database);
    const forged = secretKey.key.slice(0, 20) + "x".repeat(secretKey.key.length - 20);
    expect(await authenticateApiKey(test.database, forged, new Date())).toBeNull();
    expect(await authenticateApiKey(test.database, "not-a-key", new Date())).toBeNull();
  });

  it("stops accepting a key the moment it is revoked, and keeps it listed as revoked", async () => {
    const { project, publicKey } = await createProjectWithKeys(test.database);
    expect(await authenticateApiKey(test.database, publicKey.key, new Date())).not.toBeNull();
    const now = new Date();
    await revokeApiKey(test.database, project.id, publicKey.id, now);
    expect(await authenticateApiKey(test.database, publicKey.key, new Date())).toBeNull();
    const listed = (await listProjectApiKeys(test.database, project.id)).find((key) => key.id === publicKey.id);
    expect(listed?.revokedAt).toBe(now.toISOString());
    expect(Object.keys(listed ?? {})).not.toContain("secretHash");
  });

  it("cannot revoke another project's key", async () => {
    const mine = await createProjectWithKeys(test.database);
    const theirs = await createProjectWithKeys(test.database);
    await expect(revokeApiKey(test.database, mine.project.id, theirs.secretKey.id, new Date())).rejects.toThrow(NotFoundError);
    expect(await authenticateApiKey(test.database, theirs.secretKey.key, new Date())).not.toBeNull();
  });

  it("normalises and de-duplicates allowed origins, and gives secret keys none", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const created = await createApiKey(test.database, project.id, {
      kind: "public",
      name: "widget",
      allowedOrigins: ["https://a.example/", "https://a.example", "http://localhost:3000/x"],
    });
    const row = await test.database.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.allowedOrigins).toEqual(["https://a.example", "http://localhost:3000"]);
    const secret = await createApiKey(test.database, project.id, { kind: "secret", name: "s", allowedOrigins: ["https://a.example"] });
    expect((await test.database.apiKey.findUniqueOrThrow({ where: { id: secret.id } })).allowedOrigins).toEqual([]);
  });

  it("records when a key was last used", async () => {
    const { secretKey } = await createProjectWithKeys(test.database);
    const usedAt = new Date("2026-03-01T12:00:00Z");
    await authenticateApiKey(test.database, secretKey.key, usedAt);
    await expect
      .poll(async () => (await test.database.apiKey.findUniqueOrThrow({ where: { id: secretKey.id } })).lastUsedAt)
      .toEqual(usedAt);
  });
});
