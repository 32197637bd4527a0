import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Database } from "@/server/db/client";
import { batchResultSchema } from "@/contracts/batch";
import { datasetAssertionsSchema, storedDatasetAssertionsSchema } from "@/contracts/datasetAssertions";
import {
  datasetRunListSchema,
  datasetRunReportSchema,
  datasetRunSummarySchema,
  datasetVersionItemsSchema,
  type DatasetRunReport,
} from "@/contracts/datasetRuns";
import { addDatasetItems, publishDatasetVersion } from "@/server/datasets/datasets";
import { datasetWithAssertions, storedAssertionProblem } from "@/server/datasets/runs/datasetAssertionSettings";
import { createEvaluator } from "@/server/evaluation/evaluators";
import { checkAnswerJsonSchema } from "@/server/evaluation/builtin/formatAnswerSchema";
import {
  getAssertionsRoute,
  listRunsRoute,
  patchRunRoute,
  putAssertionsRoute,
  runReportRoute,
  uploadRunRoute,
  versionItemsRoute,
} from "@/server/datasets/runs/datasetRunRoutes";
import { callWithKey, testApiRoute } from "@/test/testApiRoute";
import { createProjectWithKeys } from "@/test/factories";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import {
  closedPortUrl,
  startFakeOpenAiServer,
  type FakeChatRequestBody,
  type FakeOpenAiServer,
  type FakeReply,
} from "@/test/fakeOpenAiServer";

const items = [
  {
    id: "refund",
    input: [{ role: "user", content: "Can I get a refund?" }],
    expectedOutput: "Yes, within 30 days.",
    category: "billing",
    severity: "critical",
  },
  {
    id: "invoice",
    input: [{ role: "user", content: "Where is my invoice?" }],
    expectedOutput: "Under Settings, Billing.",
    category: "billing",
    severity: "minor",
  },
  {
    id: "parcel",
    input: [{ role: "user", content: "Where is my parcel?" }],
    expectedOutput: "It ships in 2 days.",
    category: "shipping",
    severity: "minor",
  },
];
const right = {
  refund: "Yes, within 30 days.",
  invoice: "Under Settings, Billing.",
  parcel: "It ships in 2 days.",
};
const wrong = "Our office cat enjoys sunny windowsills.";

async function expectApi<T extends z.ZodType>(response: Response, status: number, schema: T): Promise<z.infer<T>> {
  const body: unknown = await response.json();
  expect({ status: response.status, body }).toMatchObject({ status });
  return schema.parse(body);
}

/** A project with the three items published as version 1, and calls to the run endpoints through the real wrapper. */
async function setUp(database: Database) {
  const { project, secretKey } = await createProjectWithKeys(database);
  await addDatasetItems(database, project.id, "golden", items);
  await publishDatasetVersion(database, project.id, "golden");
  let clock = Date.parse("2026-11-28T10:00:00Z");
  // Each call a minute after the one before, so runs have an order.
  const at = () => new Date((clock += 60_000));
  const key = secretKey.key;
  const call = (
    route: Parameters<ReturnType<typeof testApiRoute>>[0],
    init: { method?: string; path: string; body?: unknown; params: Record<string, string> },
  ) => callWithKey(testApiRoute(database, at())(route), key, init);
  const upload = (name: string, outputs: unknown[], extra: Record<string, unknown> = {}) =>
    call(uploadRunRoute, {
      path: "/api/v1/datasets/golden/runs",
      params: { name: "golden" },
      body: { name, version: 1, ...extra, outputs },
    });
  const report = async (run: string, query = "") =>
    expectApi(
      await call(runReportRoute, { method: "GET", path: `/api/v1/datasets/golden/runs/${run}${query}`, params: { name: "golden", run } }),
      200,
      datasetRunReportSchema,
    );
  const gate = (run: string, passed: boolean) =>
    call(patchRunRoute, {
      method: "PATCH",
      path: `/api/v1/datasets/golden/runs/${run}`,
      params: { name: "golden", run },
      body: { gate: { passed, reason: passed ? "all rules hold" : "pass rate below 0.95" } },
    });
  const putAssertions = (assertions: unknown[]) =>
    call(putAssertionsRoute, {
      method: "PUT",
      path: "/api/v1/datasets/golden/assertions",
      params: { name: "golden" },
      body: { assertions },
    });
  return { project, call, upload, report, gate, putAssertions };
}

const outputsFor = (answers: Record<string, string>) => Object.entries(answers).map(([itemId, output]) => ({ itemId, output }));
const statusOf = (report: DatasetRunReport) => Object.fromEntries(report.items.map((item) => [item.externalId, item.status]));
/** Items of one publish share a timestamp, so their order in a version is not the order they were added in: look them up. */
const itemOf = (report: DatasetRunReport, externalId: string) => report.items.find((item) => item.externalId === externalId);

/** A pairwise judge that prefers whichever shown answer tells the truth about the item (its expected text), wherever it is shown. */
function prefersTheExpected(request: FakeChatRequestBody): FakeReply {
  const text = request.messages.at(-1)?.content ?? "";
  const answer = (tag: string) => new RegExp(`<${tag}>\\n([\\s\\S]*?)\\n</${tag}>`).exec(text)?.[1] ?? "";
  const truthful = (shown: string) => items.some((item) => item.expectedOutput === shown) || shown.includes("30 days");
  const [a, b] = [truthful(answer("answer_a")), truthful(answer("answer_b"))];
  const preferred = a === b ? "tie" : a ? "A" : "B";
  return { kind: "answer", text: JSON.stringify({ reasoning: `Only one answer is right (${preferred}).`, preferred }) };
}

let judge: FakeOpenAiServer;
let pairwiseJudge: FakeOpenAiServer;
beforeAll(async () => {
  judge = await startFakeOpenAiServer();
  pairwiseJudge = await startFakeOpenAiServer({ chat: prefersTheExpected });
});
afterAll(async () => {
  await judge.close();
  await pairwiseJudge.close();
});

describe.each(await testDatabaseKinds())("regression runs on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("pages through a version's items for a runner, by cursor", async () => {
    const { call } = await setUp(test.database);
    const page = (query: string) =>
      call(versionItemsRoute, {
        method: "GET",
        path: `/api/v1/datasets/golden/versions/latest/items${query}`,
        params: { name: "golden", version: "latest" },
      });
    const first = await expectApi(await page("?limit=2"), 200, datasetVersionItemsSchema);
    expect(first).toMatchObject({ version: 1, itemCount: 3, nextCursor: expect.any(Number) as unknown });
    const second = await expectApi(await page(`?limit=2&cursor=${first.nextCursor}`), 200, datasetVersionItemsSchema);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items];
    expect(all.map((item) => [item.externalId, item.category, item.severity]).sort()).toEqual([
      ["invoice", "billing", "minor"],
      ["parcel", "shipping", "minor"],
      ["refund", "billing", "critical"],
    ]);
    expect(all.find((item) => item.externalId === "refund")).toMatchObject({
      expectedOutput: "Yes, within 30 days.",
      input: [{ role: "user", content: "Can I get a refund?" }],
    });
  });

  it("takes outputs by itemId or externalId and rejects, per item, outputs for items not in the version", async () => {
    const { call, upload, report } = await setUp(test.database);
    const listed = await expectApi(
      await call(versionItemsRoute, {
        method: "GET",
        path: "/api/v1/datasets/golden/versions/1/items",
        params: { name: "golden", version: "1" },
      }),
      200,
      datasetVersionItemsSchema,
    );
    const invoiceId = listed.items.find((item) => item.externalId === "invoice")?.itemId ?? "";
    const answer = await upload("ci-1", [
      { itemId: "refund", output: right.refund },
      { itemId: invoiceId, output: right.invoice },
      { itemId: "no-such-item", output: "anything" },
      { itemId: "00000000-0000-4000-8000-000000000000", output: "anything" },
      { itemId: "parcel" },
    ]);
    expect(answer.status).toBe(207);
    const body = batchResultSchema.parse(await answer.json());
    expect(body.accepted).toEqual(["refund", invoiceId]);
    expect(body.rejected).toEqual([
      { id: "no-such-item", index: 2, status: 404, message: expect.stringContaining("not an item of version 1") as unknown },
      { id: "00000000-0000-4000-8000-000000000000", index: 3, status: 404, message: expect.any(String) as unknown },
      { id: "parcel", index: 4, status: 400, message: expect.stringContaining("output") as unknown },
    ]);
    const run = await report("ci-1");
    expect(run).toMatchObject({ status: "incomplete", counts: { total: 3, evaluated: 2, passed: 2, missing: 1 }, passing: false });
    expect(run.missingItemIds).toEqual([listed.items.find((item) => item.externalId === "parcel")?.itemId]);
    // A missing item counts against the pass rate.
    expect(run.passRate).toBeCloseTo(2 / 3);
  });

  it("is idempotent per item: a resent output is a duplicate, a different one is refused, nothing is counted twice", async () => {
    const { project, upload, report } = await setUp(test.database);
    expect((await upload("ci-1", outputsFor({ refund: right.refund, invoice: wrong }), { release: "v1" })).status).toBe(200);
    const again = await upload("ci-1", outputsFor({ refund: right.refund, invoice: wrong, parcel: right.parcel }));
    expect(again.status).toBe(200);
    expect(batchResultSchema.parse(await again.json())).toEqual({ accepted: ["parcel"], duplicates: ["refund", "invoice"], rejected: [] });
    const changed = await upload("ci-1", outputsFor({ invoice: right.invoice }));
    expect(changed.status).toBe(207);
    expect(batchResultSchema.parse(await changed.json()).rejected).toEqual([
      { id: "invoice", index: 0, status: 409, message: expect.stringContaining("different output") as unknown },
    ]);
    const run = await report("ci-1");
    expect(run.counts).toEqual({ total: 3, evaluated: 3, passed: 2, failed: 1, errors: 0, missing: 0 });
    expect(run.status).toBe("complete");
    const rows = await test.database.datasetRunItem.count({ where: { projectId: project.id } });
    expect(rows).toBe(3);
    // A run answers one version with the labels of its first upload: a later upload naming others is refused whole.
    expect((await upload("ci-1", outputsFor({ refund: right.refund }), { release: "v1", model: "gpt-x" })).status).toBe(409);
    expect((await upload("ci-1", outputsFor({ refund: right.refund }), { release: "v2" })).status).toBe(409);
    expect((await upload("ci-1", outputsFor({ refund: right.refund }), { version: 2 })).status).toBe(404);
  });

  it("checks outputs with the default assertion when none is declared: normalised exact, else similarity >= 0.85", async () => {
    const { upload, report } = await setUp(test.database);
    await upload("ci-1", outputsFor({ refund: "  YES, within   30 days. ", invoice: "Under Settings > Billing!", parcel: wrong }));
    const run = await report("ci-1");
    const [refund, invoice, parcel] = ["refund", "invoice", "parcel"].map((id) => itemOf(run, id));
    expect(refund).toMatchObject({ status: "passed", assertions: [{ type: "default", passed: true, value: 1 }] });
    expect(invoice?.assertions[0]).toMatchObject({ type: "default", passed: true, threshold: 0.85 });
    expect(invoice?.assertions[0]?.value).toBeGreaterThanOrEqual(0.85);
    expect(parcel).toMatchObject({ status: "failed", passed: false, assertions: [{ type: "default", passed: false, threshold: 0.85 }] });
    expect(parcel?.assertions[0]?.value).toBeLessThan(0.85);
    // The failure shows what differs: the expected words deleted, the output's inserted.
    expect(parcel?.diff).toEqual([
      { op: "delete", text: "It ships in 2 days." },
      { op: "insert", text: wrong },
    ]);
  });

  it("checks declared assertions and refuses declarations that cannot be checked", async () => {
    const { call, upload, report, putAssertions } = await setUp(test.database);
    for (const bad of [
      [{ type: "regex", pattern: "(unclosed" }],
      [{ type: "regex", pattern: "a", flags: "gg" }],
      [{ type: "json_schema", schema: { type: "strin" } }],
      [{ type: "similarity", threshold: 2 }],
      [{ type: "judge", evaluator: "nobody" }],
      [{ type: "pairwise", evaluator: "nobody" }],
      [{ type: "pairwise", evaluator: "x", bothOrders: "yes" }],
      [{ type: "sounds_right" }],
    ]) {
      const refused = await putAssertions(bad);
      expect(refused.status, JSON.stringify(bad)).toBe(400);
    }
    const stored = await call(getAssertionsRoute, {
      method: "GET",
      path: "/api/v1/datasets/golden/assertions",
      params: { name: "golden" },
    });
    expect(await expectApi(stored, 200, datasetAssertionsSchema)).toEqual({ assertions: [] });

    const declared = await putAssertions([
      { type: "contains", text: "DAYS" },
      { type: "regex", pattern: "\\d+ days", flags: "i" },
    ]);
    expect(await expectApi(declared, 200, datasetAssertionsSchema)).toMatchObject({
      assertions: [
        { type: "contains", caseSensitive: false },
        { type: "regex", flags: "i" },
      ],
    });
    await upload("ci-1", outputsFor({ refund: "Yes, 30 days.", invoice: "in days", parcel: "Two days" }));
    const run = await report("ci-1");
    expect(statusOf(run)).toEqual({ refund: "passed", invoice: "failed", parcel: "failed" });
    expect(itemOf(run, "invoice")?.assertions.map((assertion) => [assertion.type, assertion.passed])).toEqual([
      ["contains", true],
      ["regex", false],
    ]);
  });

  it("checks stored before what declaring now refuses (a lookahead, a retired score) are read and reported, not a server error", async () => {
    const { project, call, upload, report, putAssertions } = await setUp(test.database);
    const stored = [
      { type: "contains", text: "days", caseSensitive: false },
      { type: "regex", pattern: "^(?=.*refund).*days", flags: "i" },
      // A built-in score that was later renamed or retired.
      { type: "score", name: "retired_score", max: 0 },
    ];
    await test.database.dataset.update({
      where: { projectId_name: { projectId: project.id, name: "golden" } },
      data: { assertions: stored },
    });

    const read = await call(getAssertionsRoute, { method: "GET", path: "/api/v1/datasets/golden/assertions", params: { name: "golden" } });
    expect(await expectApi(read, 200, storedDatasetAssertionsSchema)).toEqual({ assertions: stored });
    // The Datasets page says which check cannot run and why.
    const { assertions } = await datasetWithAssertions(test.database, project.id, "golden");
    expect(assertions.map(storedAssertionProblem)).toEqual([
      null,
      expect.stringContaining("pattern: not a valid regular expression"),
      expect.stringContaining("name: not a built-in score name"),
    ]);

    // Each output is an error naming the pattern's problem; the other check still runs.
    await upload("ci-1", outputsFor(right));
    const run = await report("ci-1");
    expect(statusOf(run)).toEqual({ refund: "error", invoice: "error", parcel: "error" });
    const [contains, regex, score] = itemOf(run, "refund")?.assertions ?? [];
    expect(contains).toMatchObject({ type: "contains", passed: true, error: null });
    expect(regex).toMatchObject({ type: "regex", passed: false });
    expect(regex?.error).toContain("lookaround and backreferences are not available");
    expect(regex?.error).toContain("declare the check again");
    expect(score).toMatchObject({ type: "score", passed: false });
    expect(score?.error).toContain("not a built-in score name");
    // Declaring it again is refused as any new declaration would be, saying why.
    const again = await putAssertions(stored);
    expect(again.status).toBe(400);
    expect(JSON.stringify(await again.json())).toContain("lookaround");
  });

  it("compares with the latest passing run by category and severity; a failing run never becomes the baseline", async () => {
    const { call, upload, report, gate } = await setUp(test.database);
    await upload("r1", outputsFor({ refund: right.refund, invoice: right.invoice, parcel: wrong }));
    expect((await expectApi(await gate("r1", true), 200, datasetRunSummarySchema)).passing).toBe(true);

    await upload("r2", outputsFor({ refund: wrong, invoice: right.invoice, parcel: right.parcel }));
    const second = await report("r2");
    expect(second.comparison).toMatchObject({
      baseline: "r1",
      newlyFailing: [{ externalId: "refund", category: "billing", severity: "critical" }],
      newlyPassing: [{ externalId: "parcel", category: "shipping", severity: "minor" }],
      unchanged: 1,
    });
    expect(second.comparison?.bySeverity).toEqual([
      { value: "critical", newlyFailing: 1, newlyPassing: 0, unchanged: 0 },
      { value: "minor", newlyFailing: 0, newlyPassing: 1, unchanged: 1 },
    ]);
    expect(second.comparison?.byCategory).toEqual([
      { value: "billing", newlyFailing: 1, newlyPassing: 0, unchanged: 1 },
      { value: "shipping", newlyFailing: 0, newlyPassing: 1, unchanged: 0 },
    ]);
    expect((await gate("r2", false)).status).toBe(200);

    // r2 failed its gate, so r3 is still compared with r1; a chosen baseline overrides that.
    await upload("r3", outputsFor(right));
    expect((await report("r3")).comparison).toMatchObject({ baseline: "r1", newlyFailing: [], unchanged: 2 });
    expect((await report("r3", "?baseline=r2")).comparison).toMatchObject({
      baseline: "r2",
      newlyPassing: [{ externalId: "refund" }],
      unchanged: 2,
    });

    // An incomplete run cannot pass, so it cannot become a baseline either.
    await upload("r4", outputsFor({ refund: right.refund }));
    expect((await gate("r4", true)).status).toBe(409);
    const list = await expectApi(
      await call(listRunsRoute, { method: "GET", path: "/api/v1/datasets/golden/runs", params: { name: "golden" } }),
      200,
      datasetRunListSchema,
    );
    expect(list.runs.map((run) => [run.name, run.status, run.gate?.passed ?? null, run.passing])).toEqual([
      ["r4", "incomplete", null, false],
      ["r3", "complete", null, false],
      ["r2", "complete", false, false],
      ["r1", "complete", true, true],
    ]);
  });

  it("records an unreachable judge as an item error: the run is errored and cannot pass", async () => {
    const { project, upload, report, gate, putAssertions } = await setUp(test.database);
    const configuration = { instanceSecret: () => "unused", checkAnswerJsonSchema, checkJudgeBaseUrl: () => null };
    const evaluator = (name: string, baseUrl: string) =>
      createEvaluator(
        test.database,
        project.id,
        { name, kind: "llm_judge", settleSeconds: 60, judge: { baseUrl, model: "judge-model", rubric: "correctness", maxAttempts: 1 } },
        configuration,
        new Date(),
      );
    await evaluator("up_judge", judge.url);
    await evaluator("down_judge", await closedPortUrl());

    expect((await putAssertions([{ type: "judge", evaluator: "up_judge", minScore: 0.5 }])).status).toBe(200);
    judge.enqueueChat(
      { kind: "answer", text: JSON.stringify({ reasoning: "Same facts.", score: 1 }) },
      { kind: "answer", text: JSON.stringify({ reasoning: "Contradicts the expected answer.", score: 0 }) },
    );
    await upload("judged", outputsFor({ refund: right.refund }));
    await upload("judged", outputsFor({ invoice: wrong }));
    const judged = await report("judged");
    expect(["refund", "invoice"].map((id) => [itemOf(judged, id)?.status, itemOf(judged, id)?.assertions[0]?.value])).toEqual([
      ["passed", 1],
      ["failed", 0],
    ]);
    expect(itemOf(judged, "invoice")?.assertions[0]?.message).toContain("Contradicts");
    // The judge saw the expected answer beside the output.
    expect(JSON.stringify(judge.chatRequests().at(-1)?.messages)).toContain("Under Settings, Billing.");

    expect((await putAssertions([{ type: "judge", evaluator: "down_judge" }])).status).toBe(200);
    const answer = await upload("broken", outputsFor(right));
    expect(answer.status).toBe(200);
    const broken = await report("broken");
    expect(broken).toMatchObject({ status: "errored", passing: false, counts: { errors: 3, passed: 0 } });
    expect(broken.items[0]).toMatchObject({
      status: "error",
      passed: false,
      assertions: [{ type: "judge", passed: false, error: expect.any(String) as unknown }],
    });
    expect((await gate("broken", true)).status).toBe(409);
  });

  it("pairwise: passes an output the judge prefers or ties with the expected one, fails one it ranks below, both orders on request", async () => {
    const { project, upload, report, putAssertions } = await setUp(test.database);
    const configuration = { instanceSecret: () => "unused", checkAnswerJsonSchema, checkJudgeBaseUrl: () => null };
    await createEvaluator(
      test.database,
      project.id,
      {
        name: "pairwise_judge",
        kind: "llm_judge",
        settleSeconds: 60,
        judge: { baseUrl: pairwiseJudge.url, model: "judge-model", rubric: "correctness", maxAttempts: 1 },
      },
      configuration,
      new Date(),
    );
    const before = pairwiseJudge.chatRequests().length;
    expect((await putAssertions([{ type: "pairwise", evaluator: "pairwise_judge" }])).status).toBe(200);
    // A better-worded refund answer than the expected one still ties (both truthful); the invoice answer is wrong.
    await upload("pairwise", outputsFor({ refund: "Sure: refunds are accepted for 30 days.", invoice: wrong, parcel: right.parcel }));
    const judged = await report("pairwise");
    expect(["refund", "invoice", "parcel"].map((id) => [itemOf(judged, id)?.status, itemOf(judged, id)?.assertions[0]?.value])).toEqual([
      ["passed", 0.5],
      ["failed", 0],
      ["passed", 0.5],
    ]);
    expect(itemOf(judged, "invoice")?.assertions[0]).toMatchObject({
      type: "pairwise",
      threshold: 0.5,
      message: expect.stringMatching(
        /^pairwise_judge preferred the expected output: \(output shown (first|second)\) Only one answer/,
      ) as unknown,
    });
    expect(pairwiseJudge.chatRequests().length - before).toBe(3);

    // A tie does not pass when the output must win; both orders ask twice per item.
    expect((await putAssertions([{ type: "pairwise", evaluator: "pairwise_judge", allowTie: false, bothOrders: true }])).status).toBe(200);
    await upload("strict", outputsFor({ refund: right.refund }));
    expect(itemOf(await report("strict"), "refund")).toMatchObject({
      status: "failed",
      assertions: [{ type: "pairwise", value: 0.5, threshold: 1, message: expect.stringContaining("judged a tie") as unknown }],
    });
    expect(pairwiseJudge.chatRequests().length - before).toBe(5);
  });

  describe("built-in evaluators on run outputs", () => {
    const configuration = { instanceSecret: () => "unused", checkAnswerJsonSchema, checkJudgeBaseUrl: () => null };
    const builtin = (projectId: string, kind: "pii_leak" | "toxicity" | "refusal", enabled = true) =>
      createEvaluator(test.database, projectId, { name: `${kind}_check`, kind, enabled }, configuration, new Date());
    const leaky = "Yes, within 30 days. Write to jane.doe@example.com.";

    it("scores every output with the enabled built-ins, and a score assertion fails the output that leaks", async () => {
      const { project, upload, report, putAssertions } = await setUp(test.database);
      await builtin(project.id, "pii_leak");
      await builtin(project.id, "toxicity", false);
      expect((await putAssertions([{ type: "score", name: "pii_leak", max: 0 }])).status).toBe(200);
      await upload("leaky", outputsFor({ refund: leaky, invoice: right.invoice, parcel: right.parcel }));
      const run = await report("leaky");
      expect(statusOf(run)).toEqual({ refund: "failed", invoice: "passed", parcel: "passed" });
      expect(itemOf(run, "refund")).toMatchObject({
        assertions: [{ type: "score", passed: false, value: 1, threshold: 0, message: "pii_leak is 1 (true), above the maximum 0" }],
        scores: [{ name: "pii_leak", evaluator: "pii_leak", dataType: "boolean", value: true, error: null }],
      });
      expect(itemOf(run, "refund")?.scores[0]?.explanation).toContain("1 email address");
      // The disabled toxicity evaluator scores nothing.
      expect(run.items.map((item) => item.scores.map((score) => score.name))).toEqual([["pii_leak"], ["pii_leak"], ["pii_leak"]]);
      expect(run.scoreMeans).toEqual([{ name: "pii_leak", mean: 1 / 3, count: 3 }]);
    });

    it("makes an item an error when no enabled evaluator gives the asserted score, naming the one to enable", async () => {
      const { project, upload, report, gate, putAssertions } = await setUp(test.database);
      await builtin(project.id, "toxicity", false);
      expect((await putAssertions([{ type: "score", name: "toxicity", max: 0.5 }])).status).toBe(200);
      await upload("unscored", outputsFor(right));
      const run = await report("unscored");
      expect(run).toMatchObject({ status: "errored", counts: { errors: 3, passed: 0 }, scoreMeans: [] });
      expect(run.items[0]).toMatchObject({
        status: "error",
        scores: [],
        assertions: [
          {
            type: "score",
            passed: false,
            error: "no enabled evaluator gives toxicity: enable the toxicity built-in evaluator in the project",
          },
        ],
      });
      expect((await gate("unscored", true)).status).toBe(409);
    });

    it("reports each score's mean and, against the baseline, its mean and the difference", async () => {
      const { project, upload, report, gate } = await setUp(test.database);
      await builtin(project.id, "pii_leak");
      await builtin(project.id, "refusal");
      // Baseline: one leak, one refusal of three. Candidate: two leaks, no refusal.
      await upload("base", outputsFor({ refund: leaky, invoice: "I can't help with that.", parcel: right.parcel }));
      expect((await gate("base", true)).status).toBe(200);
      await upload("next", outputsFor({ refund: leaky, invoice: "Ask billing@example.com.", parcel: right.parcel }));
      const run = await report("next");
      expect(run.scoreMeans).toEqual([
        { name: "pii_leak", mean: 2 / 3, count: 3 },
        { name: "refusal", mean: 0, count: 3 },
      ]);
      expect(run.comparison?.baseline).toBe("base");
      expect(run.comparison?.scoreMeans).toEqual([
        { name: "pii_leak", mean: 2 / 3, baselineMean: 1 / 3, difference: 2 / 3 - 1 / 3 },
        { name: "refusal", mean: 0, baselineMean: 1 / 3, difference: -1 / 3 },
      ]);
    });

    it("refuses a score assertion without a bound, with min above max, or on a score run outputs cannot have", async () => {
      const { putAssertions } = await setUp(test.database);
      for (const [bad, says] of [
        [{ type: "score", name: "pii_leak" }, "give min, max or both"],
        [{ type: "score", name: "relevance", min: 0.8, max: 0.2 }, "max 0.2 is below min 0.8"],
        [{ type: "score", name: "hallucination", max: 0.5 }, "needs retrieved passages"],
        [{ type: "score", name: "answer_quality", min: 0.5 }, "not a built-in score name"],
      ] as const) {
        const refused = await putAssertions([bad]);
        expect(refused.status, JSON.stringify(bad)).toBe(400);
        expect(await refused.text()).toContain(says);
      }
    });
  });
});
