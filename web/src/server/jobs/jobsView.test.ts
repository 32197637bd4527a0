import { describe, expect, it, vi } from "vitest";
import type * as DatabaseClient from "@/server/db/client";
import type { Database } from "@/server/db/client";
import { jobsSettingsView } from "@/server/jobs/jobsView";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";

// The view model opens the process database; point it at the test's.
const current = vi.hoisted(() => ({ database: null as Database | null }));
vi.mock("@/server/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof DatabaseClient>()),
  db: () => {
    if (!current.database) throw new Error("no test database");
    return current.database;
  },
}));

describe.each(await testDatabaseKinds())("the Jobs settings view on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("offers Retry to owners and admins only, and shows no jobs before the job runner has ever started", async () => {
    current.database = test.database;
    const { project } = await createProjectWithKeys(test.database);
    const empty = { data: [], counts: { current: 0, queued: 0, active: 0, failed: 0, completed: 0 }, nextCursor: null };
    expect(await jobsSettingsView(project.id, "owner")).toEqual({ projectId: project.id, jobs: empty, canRetry: true });
    expect((await jobsSettingsView(project.id, "admin")).canRetry).toBe(true);
    expect((await jobsSettingsView(project.id, "annotator")).canRetry).toBe(false);
    expect((await jobsSettingsView(project.id, "viewer")).canRetry).toBe(false);
  });
});
