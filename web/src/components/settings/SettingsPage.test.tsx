import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import type * as DatabaseClient from "@/server/db/client";
import type { Database } from "@/server/db/client";
import { getProject } from "@/server/projects/projects";
import { storedFeedbackSigningSecret } from "@/server/feedback/feedbackTokens";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";
import { SettingsPage } from "@/components/settings/SettingsPage";

// The page opens the process database; point it at the test's.
const current = vi.hoisted(() => ({ database: null as Database | null }));
vi.mock("@/server/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof DatabaseClient>()),
  db: () => {
    if (!current.database) throw new Error("no test database");
    return current.database;
  },
}));

describe.each(await testDatabaseKinds())("the settings page on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("never creates the feedback signing secret while rendering, even for an owner of a project without one", async () => {
    current.database = test.database;
    // The factory makes projects as older versions did: without a secret.
    const { project, owner } = await createProjectWithKeys(test.database);
    const settings = await getProject(test.database, project.id);
    if (!settings) throw new Error("project not found");
    await SettingsPage({
      access: {
        user: { id: owner.id, email: owner.email, name: null, isInstanceAdmin: false, sessionId: randomUUID() },
        project: settings,
        role: "owner",
        projects: [],
      },
    });
    expect(await storedFeedbackSigningSecret(test.database, project.id)).toBeNull();
  });
});
