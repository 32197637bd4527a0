import { describe, expect, it } from "vitest";
import { feedbackSigningSecret, mintFeedbackTokens, storedFeedbackSigningSecret } from "@/server/feedback/feedbackTokens";
import { createProject } from "@/server/projects/projects";
import { completeSetup } from "@/server/setup/setup";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys, createUser } from "@/test/factories";

describe.each(await testDatabaseKinds())("the feedback signing secret on %s", (kind) => {
  const test = useTestDatabase(kind);
  const now = new Date("2026-11-27T12:00:00Z");

  it("comes with every new project, from the console and from first-run set-up", async () => {
    // First, while the database has no user yet (set-up is refused after that).
    const setUp = await completeSetup(test.database, {
      name: "Ada",
      email: "ada@example.test",
      password: "correct horse battery",
      projectName: "First",
    });
    expect(await storedFeedbackSigningSecret(test.database, setUp.projectId)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const user = await createUser(test.database);
    const created = await createProject(test.database, user.id, "Support bot");
    expect(await storedFeedbackSigningSecret(test.database, created.id)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("is never created by reading it; a project made before secrets came with projects gets one when it first signs", async () => {
    // The factory creates projects as older versions did: without a secret.
    const { project } = await createProjectWithKeys(test.database);
    expect(await storedFeedbackSigningSecret(test.database, project.id)).toBeNull();
    expect(await storedFeedbackSigningSecret(test.database, project.id)).toBeNull();
    const minted = await mintFeedbackTokens(test.database, project.id, { traceIds: ["answer-1"], ttlSeconds: 60 }, now);
    const secret = await storedFeedbackSigningSecret(test.database, project.id);
    expect(secret).not.toBeNull();
    expect(minted.tokens["answer-1"]).toMatch(/^v1\./);
    // Concurrent first signings agree on one secret.
    const { project: other } = await createProjectWithKeys(test.database);
    const secrets = await Promise.all(Array.from({ length: 5 }, () => feedbackSigningSecret(test.database, other.id)));
    expect(new Set(secrets).size).toBe(1);
  });
});
