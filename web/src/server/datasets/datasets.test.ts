import { describe, expect, it } from "vitest";
import { addDatasetItems, publishDatasetVersion, listDatasets, listDatasetItems, removeDatasetItem } from "@/server/datasets/datasets";
import { exportDataset } from "@/server/datasets/datasetExport";
import { csvCell } from "@/server/datasets/exportFormats";
import { splitOf } from "@/server/datasets/datasetSplit";
import { exportQuerySchema } from "@/contracts/datasets";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";
import { openAiFormatErrors } from "@/test/openaiFineTuningFormat";
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

  it("imports and exports answers that call tools: OpenAI's format checks pass, and every format shows the calls", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const call = { id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } };
    const question = { role: "user", content: "Weather in Paris?" };
    const callsTool = { role: "assistant", content: null, tool_calls: [call] };
    const result = { role: "tool", tool_call_id: "call_1", content: '{"temperature":18}' };
    const callsAgain = { role: "assistant", content: "Checking again.", tool_calls: [{ ...call, id: "call_2" }] };
    expect(
      await addDatasetItems(test.database, project.id, "golden", [
        // The answer to learn is the tool call; the rejected one guessed instead.
        item("calls", { input: [question], expectedOutput: callsTool, rejectedOutput: "It is sunny." }),
        // The conversation went through the tool; the answer uses its result.
        // ...and the rejected answer called the tool again (a new call, so a new id).
        item("uses", { input: [question, callsTool, result], expectedOutput: "18 °C in Paris.", rejectedOutput: callsAgain }),
        // The issue's item: a tool result without the call it answers.
        item("orphan", { input: [question, { role: "tool", content: '{"temperature":18}' }] }),
        item("blank", { rejectedOutput: "  " }),
      ]),
    ).toMatchObject({
      accepted: ["calls", "uses"],
      rejected: [
        {
          index: 2,
          status: 400,
          message: "input.1.tool_call_id: a tool message needs the tool_call_id of the assistant tool call it answers",
        },
        { index: 3, status: 400, message: expect.stringContaining("rejectedOutput: must not be empty") as unknown },
      ],
    });
    await publishDatasetVersion(test.database, project.id, "golden");

    const openai = (await exported(test.database, project.id, { format: "openai" })).text;
    expect(openAiFormatErrors(openai)).toEqual({});
    // Items added together export in id order, which is random: compared as sets.
    const lines = (text: string) =>
      text
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as unknown);
    expect(lines(openai)).toHaveLength(2);
    expect(lines(openai)).toEqual(
      expect.arrayContaining([
        { messages: [question, callsTool] },
        { messages: [question, callsTool, result, { role: "assistant", content: "18 °C in Paris." }] },
      ]),
    );
    const dpo = lines((await exported(test.database, project.id, { format: "dpo" })).text);
    expect(dpo).toHaveLength(2);
    expect(dpo).toEqual(
      expect.arrayContaining([
        { prompt: [question], chosen: [callsTool], rejected: [{ role: "assistant", content: "It is sunny." }] },
        { prompt: [question, callsTool, result], chosen: [{ role: "assistant", content: "18 °C in Paris." }], rejected: [callsAgain] },
      ]),
    );
    // jsonl gives each answer in the shape the items API takes, so it imports back unchanged.
    const jsonl = lines((await exported(test.database, project.id, { format: "jsonl" })).text) as Record<string, unknown>[];
    const reimported = jsonl.map(({ id, input, expectedOutput, rejectedOutput }) => ({
      id: `again-${String(id)}`,
      input,
      expectedOutput,
      rejectedOutput,
    }));
    expect(reimported).toContainEqual({ id: "again-calls", input: [question], expectedOutput: callsTool, rejectedOutput: "It is sunny." });
    const again = await addDatasetItems(test.database, project.id, "golden", reimported);
    expect({ ...again, accepted: again.accepted.sort() }).toEqual({
      accepted: ["again-calls", "again-uses"],
      duplicates: [],
      rejected: [],
    });
    // CSV and the console read a tool call as name(arguments), never [object Object].
    const csv = (await exported(test.database, project.id, { format: "csv" })).text;
    expect(csv).toContain(`,"get_weather({""city"":""Paris""})",It is sunny.,`);
    expect(csv).not.toContain("[object Object]");
    const listed = await listDatasetItems(test.database, project.id, "golden");
    expect(listed.find((row) => row.externalId === "calls")).toMatchObject({
      question: "Weather in Paris?",
      expectedOutput: 'get_weather({"city":"Paris"})',
    });
  });

  it("the format checker finds what the issue reported: a tool message passed through without the assistant's tool_calls", () => {
    const issueLine = JSON.stringify({
      messages: [
        { role: "user", content: "Weather in Paris?" },
        { role: "tool", content: '{"temperature":18}' },
        { role: "assistant", content: "18 °C." },
      ],
    });
    expect(openAiFormatErrors(issueLine)).toEqual({ tool_call_id_unanswered: 1 });
    expect(
      openAiFormatErrors(
        JSON.stringify({
          messages: [
            { role: "user", content: "hi", extra: 1 },
            { role: "assistant", content: null },
          ],
        }),
      ),
    ).toEqual({
      message_unrecognized_key: 1,
      missing_content: 1,
    });
    expect(openAiFormatErrors(JSON.stringify({ messages: [{ role: "user", content: "hi" }] }))).toEqual({
      example_missing_assistant_message: 1,
    });
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
