import { describe, expect, it } from "vitest";
import { addDatasetItems, listDatasetItems, publishDatasetVersion, removeDatasetItem } from "@/server/datasets/datasets";
import { compareDatasetVersions } from "@/server/datasets/datasetChanges";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";

const item = (id: string, fields: Record<string, unknown> = {}) => ({
  id,
  input: [
    { role: "system", content: "Be brief." },
    { role: "user", content: `Question ${id}` },
  ],
  expectedOutput: `Good answer ${id}`,
  ...fields,
});

describe.each(await testDatabaseKinds())("dataset changes on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("counts and lists what was added, removed and changed between versions and since the latest one", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await addDatasetItems(test.database, project.id, "golden", [item("a"), item("b"), item("c", { category: "tone" })]);
    await publishDatasetVersion(test.database, project.id, "golden");

    // Since version 1: d is new, b is gone, a's answer and c's category were edited.
    await addDatasetItems(test.database, project.id, "golden", [item("d")]);
    const b = (await listDatasetItems(test.database, project.id, "golden")).find((row) => row.externalId === "b");
    await removeDatasetItem(test.database, project.id, "golden", b?.id ?? "");
    await test.database.datasetItem.updateMany({ where: { projectId: project.id, externalId: "a" }, data: { expectedOutput: "Better a" } });
    await test.database.datasetItem.updateMany({ where: { projectId: project.id, externalId: "c" }, data: { category: null } });

    const draft = await compareDatasetVersions(test.database, project.id, "golden", { from: 1, to: "draft" });
    expect(draft).toEqual({
      from: 1,
      to: "draft",
      added: 1,
      removed: 1,
      changed: 2,
      items: [
        { externalId: "d", change: "added", question: "Question d", expectedOutput: "Good answer d" },
        { externalId: "a", change: "changed", question: "Question a", expectedOutput: "Better a" },
        { externalId: "c", change: "changed", question: "Question c", expectedOutput: "Good answer c" },
        { externalId: "b", change: "removed", question: "Question b", expectedOutput: "Good answer b" },
      ],
    });

    // Once published, the same differences hold between the two versions, and none since.
    await publishDatasetVersion(test.database, project.id, "golden");
    const consecutive = await compareDatasetVersions(test.database, project.id, "golden", { from: 1, to: 2 }, 0);
    expect(consecutive).toEqual({ from: 1, to: 2, added: 1, removed: 1, changed: 2, items: [] });
    expect(await compareDatasetVersions(test.database, project.id, "golden", { from: 2, to: "draft" })).toMatchObject({
      added: 0,
      removed: 0,
      changed: 0,
      items: [],
    });
  });

  it("keeps to the asked number of listed items while counting all of them", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await addDatasetItems(test.database, project.id, "golden", [item("a")]);
    await publishDatasetVersion(test.database, project.id, "golden");
    await addDatasetItems(test.database, project.id, "golden", [item("b"), item("c"), item("d")]);
    const comparison = await compareDatasetVersions(test.database, project.id, "golden", { from: 1, to: "draft" }, 2);
    expect(comparison.added).toBe(3);
    expect(comparison.items.map((row) => row.externalId)).toEqual(["b", "c"]);
  });

  it("answers an unknown dataset or version with 404", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await expect(compareDatasetVersions(test.database, project.id, "nope", { from: 1, to: "draft" })).rejects.toMatchObject({
      status: 404,
    });
    await addDatasetItems(test.database, project.id, "golden", [item("a")]);
    await expect(compareDatasetVersions(test.database, project.id, "golden", { from: 1, to: "draft" })).rejects.toMatchObject({
      status: 404,
    });
  });
});
