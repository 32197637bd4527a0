import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import type * as DatabaseClient from "@/server/db/client";
import type { Database } from "@/server/db/client";
import { getProject } from "@/server/projects/projects";
import { storedFeedbackSigningSecret } from "@/server/feedback/feedbackTokens";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";
import { apiKeysView, feedbackTokensView, modelPricesView, visibleSettingsSections } from "@/server/settings/settingsView";

// The view models open the process database; point it at the test's.
const current = vi.hoisted(() => ({ database: null as Database | null }));
vi.mock("@/server/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof DatabaseClient>()),
  db: () => {
    if (!current.database) throw new Error("no test database");
    return current.database;
  },
}));

describe("settings sections", () => {
  it("open on API keys for those who may read keys, and leave that section out for everyone else", () => {
    expect(visibleSettingsSections("admin")[0]?.slug).toBe("api-keys");
    expect(visibleSettingsSections("annotator").map((section) => section.slug)).not.toContain("api-keys");
    expect(visibleSettingsSections("viewer")[0]?.slug).toBe("members");
  });
});

describe.each(await testDatabaseKinds())("the settings view models on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("never create the feedback signing secret while rendering, even for an owner of a project without one", async () => {
    current.database = test.database;
    // The factory makes projects as older versions did: without a secret.
    const { project, owner } = await createProjectWithKeys(test.database);
    const settings = await getProject(test.database, project.id);
    if (!settings) throw new Error("project not found");
    const view = await feedbackTokensView({
      user: { id: owner.id, email: owner.email, name: null, isInstanceAdmin: false, sessionId: randomUUID() },
      project: settings,
      role: "owner",
      projects: [],
    });
    expect(view).toMatchObject({ signingSecret: null, managesSecret: true });
    expect(await storedFeedbackSigningSecret(test.database, project.id)).toBeNull();
  });

  it("show keys only to roles that may read them, and start a new price from today in UTC", async () => {
    current.database = test.database;
    const { project } = await createProjectWithKeys(test.database);
    expect(await apiKeysView(project.id, "annotator")).toBeNull();
    expect((await apiKeysView(project.id, "admin"))?.keys.map((key) => key.name).sort()).toEqual(["browser", "server"]);
    // 23:30 in UTC-5 on the 1st is already the 2nd in UTC.
    const prices = await modelPricesView(project.id, "viewer", new Date("2026-03-02T04:30:00Z"));
    expect(prices).toMatchObject({ today: "2026-03-02", editable: false });
  });
});
