import { describe, expect, it } from "vitest";
import { addDatasetItems, publishDatasetVersion, listDatasets, listDatasetItems, removeDatasetItem } from "@/server/datasets/datasets";
import { exportDataset } from "@/server/datasets/datasetExport";
import { csvCell } from "@/server/datasets/exportFormats";
import { splitOf } from "@/server/datasets/datasetSplit";
import { exportQuerySchema } from "@/contracts/datasets";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";
import type { Database } from "@/server/db/client";

const item = (id: string, fields: Record<string, unknown> = {}) => ({
  id,
  input: [
    { role: "system", content: "Be brief." },
    { role: "user", content: `Question ${id}` },
  ],
  expectedOutput: `Good answer ${id}`,
  ...fields,
});

async function exported(database: Database, projectId: string, query: Record<string, unknown>, name = "golden") {
  const result = await exportDataset(database, projectId, name, exportQuerySchema.parse(query));
  return { ...result, text: await new Response(result.body).text() };
}

describe("export helpers", () => {
  it("quote CSV cells per RFC 4180 and neutralise formula-looking ones", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(["+1", "-1", "@SUM(A1)", "\tx"].map(csvCell)).toEqual(["'+1", "'-1", "'@SUM(A1)", "'\tx"]);
    // Spreadsheets skip leading blanks before looking for a formula.
    expect([" =1+1", "  +1", "\u00a0-1", " \t@SUM(A1)", "\r\n=cmd"].map(csvCell)).toEqual([
      "' =1+1",
      "'  +1",
      "'\u00a0-1",
      "' \t@SUM(A1)",
      `"'\r\n=cmd"`,
    ]);
    expect(["a = b", " plain", "x-1"].map(csvCell)).toEqual(["a = b", " plain", "x-1"]);
  });

  it("split items by a hash of their id, close to the ratio and the same every time", () => {
    const splits = Array.from({ length: 10_000 }, (_, i) => splitOf(`item-${i}`, 0.2));
    expect(splits.filter((split) => split === "test").length / splits.length).toBeCloseTo(0.2, 1);
    expect(splitOf("item-1", 0.2)).toBe(splitOf("item-1", 0.2));
  });
});

describe.each(await testDatabaseKinds())("datasets on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("imports items by API, once each, and refuses bad ones by index", async () => {
    const { project } = await createProjectWithKeys(test.database);
    expect(await addDatasetItems(test.database, project.id, "golden", [item("a"), item("b"), { input: [] }])).toMatchObject({
      accepted: ["a", "b"],
      duplicates: [],
      rejected: [{ index: 2, status: 400 }],
    });
    expect(await addDatasetItems(test.database, project.id, "golden", [item("a")])).toEqual({
      accepted: [],
      duplicates: ["a"],
      rejected: [],
    });
    expect(await listDatasets(test.database, project.id)).toEqual([{ name: "golden", itemCount: 2, versions: [] }]);
  });

  it("publishes immutable numbered versions that later edits never change", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await addDatasetItems(test.database, project.id, "golden", [item("a", { rejectedOutput: "Bad answer a" }), item("b")]);
    expect(await publishDatasetVersion(test.database, project.id, "golden")).toEqual({ version: 1, itemCount: 2 });
    await test.database.datasetItem.updateMany({ where: { projectId: project.id, externalId: "a" }, data: { expectedOutput: "Edited" } });
    await addDatasetItems(test.database, project.id, "golden", [item("c")]);
    expect(await publishDatasetVersion(test.database, project.id, "golden")).toEqual({ version: 2, itemCount: 3 });

    const v1 = await exported(test.database, project.id, { format: "jsonl", version: "1" });
    const lines = v1.text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { id: string; expectedOutput: string; version: number });
    expect(lines.map((line) => [line.id, line.expectedOutput, line.version]).sort()).toEqual([
      ["a", "Good answer a", 1],
      ["b", "Good answer b", 1],
    ]);
    const latest = await exported(test.database, project.id, { format: "jsonl" });
    expect(latest.filename).toBe("golden-v2-jsonl.jsonl");
    expect(latest.text.trim().split("\n")).toHaveLength(3);
  });

  it("exports OpenAI chat fine-tuning lines, DPO pairs, and CSV, each in its documented shape", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await addDatasetItems(test.database, project.id, "golden", [
      item("a", { rejectedOutput: "=cmd|' /C calc'!A0" }),
      item("b", { category: "formatting" }),
    ]);
    await publishDatasetVersion(test.database, project.id, "golden");

    const openai = (await exported(test.database, project.id, { format: "openai" })).text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as unknown);
    expect(openai).toContainEqual({
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Question a" },
        { role: "assistant", content: "Good answer a" },
      ],
    });
    const dpo = (await exported(test.database, project.id, { format: "dpo" })).text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as unknown);
    expect(dpo).toEqual([
      {
        prompt: [
          { role: "system", content: "Be brief." },
          { role: "user", content: "Question a" },
        ],
        chosen: [{ role: "assistant", content: "Good answer a" }],
        rejected: [{ role: "assistant", content: "=cmd|' /C calc'!A0" }],
      },
    ]);
    const csv = await exported(test.database, project.id, { format: "csv" });
    expect(csv.contentType).toBe("text/csv; charset=utf-8");
    const rows = csv.text.split("\r\n");
    expect(rows[0]).toBe("id,split,input,expected_output,rejected_output,category,severity,metadata,provenance");
    expect(rows.find((row) => row.startsWith("a,"))).toContain(",'=cmd|' /C calc'!A0,");
    expect(rows).toHaveLength(4);
  });

  it("takes the test share at publishing time: 1 puts every item in the test split", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await addDatasetItems(test.database, project.id, "golden", [item("a"), item("b"), item("c")]);
    await publishDatasetVersion(test.database, project.id, "golden", { testRatio: 1 });
    expect((await exported(test.database, project.id, { format: "jsonl", split: "train" })).text).toBe("");
    expect((await exported(test.database, project.id, { format: "jsonl", split: "test" })).text.trim().split("\n")).toHaveLength(3);
  });

  it("lists the working items and removes one without touching a published version", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await addDatasetItems(test.database, project.id, "golden", [item("a"), item("b", { rejectedOutput: "Bad b" })]);
    await publishDatasetVersion(test.database, project.id, "golden");
    const listed = await listDatasetItems(test.database, project.id, "golden");
    expect(listed.map((row) => [row.externalId, row.question, row.rejectedOutput]).sort()).toEqual([
      ["a", "Question a", null],
      ["b", "Question b", "Bad b"],
    ]);
    const removed = listed.find((row) => row.externalId === "a");
    await removeDatasetItem(test.database, project.id, "golden", removed?.id ?? "");
    expect((await listDatasetItems(test.database, project.id, "golden")).map((row) => row.externalId)).toEqual(["b"]);
    await expect(removeDatasetItem(test.database, project.id, "golden", removed?.id ?? "")).rejects.toMatchObject({ status: 404 });
    expect((await exported(test.database, project.id, { format: "jsonl", version: "1" })).text.trim().split("\n")).toHaveLength(2);
  });

  it("answers an unknown dataset or version with 404", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await expect(exported(test.database, project.id, { format: "csv" }, "nope")).rejects.toMatchObject({ status: 404 });
    await addDatasetItems(test.database, project.id, "golden", [item("a")]);
    await expect(exported(test.database, project.id, { format: "csv" })).rejects.toMatchObject({ status: 404 });
    await publishDatasetVersion(test.database, project.id, "golden");
    await expect(exported(test.database, project.id, { format: "csv", version: "7" })).rejects.toMatchObject({ status: 404 });
    expect(exportQuerySchema.safeParse({ format: "xml" }).success).toBe(false);
  });
});
