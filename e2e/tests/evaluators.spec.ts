import { startFakeOpenAiServer, type FakeOpenAiServer } from "../../web/src/test/fakeOpenAiServer";
import { test, expect, createSecretKey, shootBothThemes } from "./fixtures";

interface TraceWithScores {
  scores: { name: string; value: number | boolean | null; source: string; evaluator: string | null; comment: string | null }[];
}

const judgeKey = "sk-judge-e2e";
const judgeAnswer = { reasoning: "The answer tells the customer how to return the parcel.", score: 0.8 };

test.use({ viewport: { width: 1366, height: 768 } });

let judge: FakeOpenAiServer;
test.beforeAll(async () => {
  judge = await startFakeOpenAiServer({
    apiKey: judgeKey,
    chat: () => ({ kind: "answer", text: JSON.stringify(judgeAnswer) }),
  });
});
test.afterAll(async () => {
  await judge.close();
});

test("an owner configures an LLM judge in Settings, a trace sent with the secret key gets the judge's score, and the judge was asked at temperature 0", async ({
  page,
  request,
}, testInfo) => {
  // The evaluation scan runs every 15 s, then the judge job: up to a minute on a busy machine.
  test.setTimeout(180_000);
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && /hydrat/i.test(message.text())) problems.push(message.text());
  });

  // A project of its own, so the judge scores only this test's trace.
  await page.goto("/");
  const created = await page.request.post("/api/v1/projects", { data: { name: `Judged assistant ${Date.now()}` } });
  expect(created.status()).toBe(201);
  const projectId = ((await created.json()) as { id: string }).id;
  const secretKey = await createSecretKey(page, projectId, "evaluators e2e");

  await page.goto(`/projects/${projectId}/settings/evaluators`);
  const section = page.getByRole("region", { name: "Evaluators" });
  await expect(section).toContainText("No evaluators yet");
  await section.getByRole("button", { name: "Add evaluator" }).click();
  const dialog = page.getByRole("dialog", { name: "Add evaluator" });
  await dialog
    .getByRole("radiogroup", { name: "Kind" })
    .getByRole("radio", { name: /^LLM judge/ })
    .check();
  await dialog.getByLabel("Name").fill("answer-relevance");
  await dialog.getByLabel("Settle delay (seconds)").fill("0");
  await dialog.getByLabel("Judge model").fill("judge-e2e");
  await dialog.getByLabel("API key").fill(judgeKey);
  await dialog
    .getByRole("radiogroup", { name: "What the judge scores" })
    .getByRole("radio", { name: /^Relevance/ })
    .check();
  await shootBothThemes(page, testInfo, "evaluators-add-dialog");

  // A URL the API refuses: the reason shows at the Base URL field and nothing is added.
  await dialog.getByLabel("Base URL").fill("ftp://judge.example/v1");
  await dialog.getByRole("button", { name: "Add evaluator" }).click();
  await expect(dialog.getByLabel("Base URL")).toHaveAccessibleDescription("Use an http or https URL");
  await dialog.getByLabel("Base URL").fill(judge.url);
  await dialog.getByRole("button", { name: "Add evaluator" }).click();
  await expect(dialog).toBeHidden();

  const evaluatorsTable = section.getByRole("table", { name: "Evaluators" });
  const row = evaluatorsTable.getByRole("row", { name: /answer-relevance/ });
  await expect(row).toContainText("LLM judge");
  await expect(row).toContainText("Enabled");
  await expect(row).toContainText("100%");
  await expect(row).toContainText("judge-e2e");

  // A trace from the application, after the judge exists.
  const traceId = `judged-${Date.now()}`;
  const now = Date.now();
  const ingest = await request.post("/api/v1/traces", {
    headers: { authorization: `Bearer ${secretKey}` },
    data: {
      traces: [
        {
          id: traceId,
          input: [{ role: "user", content: "How do I return a parcel?" }],
          output: "Print the return label from your order page and drop the parcel at any post office.",
          model: "gpt-4o-mini",
          startTime: new Date(now - 1500).toISOString(),
          endTime: new Date(now).toISOString(),
        },
      ],
    },
  });
  expect(ingest.status()).toBe(200);

  // The scan runs every 15 s: the score is awaited through the trace API, then looked at in the console.
  const judgeScore = async () => {
    const trace = await request.get(`/api/v1/traces/${encodeURIComponent(traceId)}`, { headers: { authorization: `Bearer ${secretKey}` } });
    if (trace.status() !== 200) return null;
    const score = ((await trace.json()) as TraceWithScores).scores.find((candidate) => candidate.name === "answer-relevance");
    return score ? { value: score.value, source: score.source, evaluator: score.evaluator } : null;
  };
  await expect
    .poll(judgeScore, { timeout: 120_000, intervals: [2_000] })
    .toEqual({ value: 0.8, source: "evaluator", evaluator: "answer-relevance" });

  // The judge was called as configured: its model, the key as a bearer token, temperature 0.
  const chats = judge.chatRequests();
  expect(chats.length).toBeGreaterThanOrEqual(1);
  expect(chats.every((chat) => chat.temperature === 0)).toBe(true);
  expect(chats[0]?.model).toBe("judge-e2e");
  expect(chats[0]?.messages.map((message) => message.content).join("\n")).toContain("drop the parcel at any post office");
  expect(judge.requests.every((recorded) => recorded.authorization === `Bearer ${judgeKey}`)).toBe(true);

  // The table counts the scored trace; the call is kept with its answer.
  await page.reload();
  await expect(row).toContainText("1 scored");
  // Nobody has labelled the trace: agreement says so, with its n, rather than a figure.
  const agreement = section.getByRole("table", { name: "Agreement with annotators" }).getByRole("row", { name: /answer-relevance/ });
  await expect(agreement).toContainText("No labelled traces yet (n = 0)");
  const calls = await page.request.get(`/api/v1/projects/${projectId}/judge-calls?traceId=${encodeURIComponent(traceId)}`);
  const kept = ((await calls.json()) as { data: { scoreId: string | null; response: string | null }[] }).data;
  expect(kept.some((call) => call.scoreId !== null && call.response === JSON.stringify(judgeAnswer))).toBe(true);
  await shootBothThemes(page, testInfo, "evaluators-section");

  // The trace page shows the judge's score with its reasoning, and the call behind it.
  await page.goto(`/projects/${projectId}/traces/${encodeURIComponent(traceId)}`);
  const scores = page.getByRole("region", { name: "Scores" });
  await expect(scores).toContainText("answer-relevance");
  await expect(scores).toContainText("0.80");
  await scores.getByText("Judge calls (1)").click();
  await expect(scores.getByRole("table", { name: "Judge calls" })).toContainText("Scored");

  // The owner may annotate, so corrects the judge: a value outside its 0..1 scale is refused at the
  // field, then the correction shows under the judge's score, offered as a few-shot example.
  await scores.getByRole("button", { name: /^Correct .* by answer-relevance v1$/ }).click();
  const correction = page.getByRole("dialog", { name: /^Correct / });
  await correction.getByLabel("Corrected score").fill("1.5");
  await correction.getByLabel("Reasoning").fill("The label is printed from the returns page, not the order page.");
  await correction.getByRole("checkbox", { name: "Use as few-shot example for answer-relevance" }).check();
  await correction.getByRole("button", { name: "Save correction" }).click();
  await expect(correction.getByLabel("Corrected score")).toHaveAccessibleDescription(/between 0 and 1; got 1\.5/);
  await correction.getByLabel("Corrected score").fill("0.3");
  // The pointer still rests on Save from the refused try: the screenshots show the dialog at rest, not hovered.
  await correction.getByLabel("Reasoning").hover();
  await shootBothThemes(page, testInfo, "trace-correct-score-dialog");
  await correction.getByRole("button", { name: "Save correction" }).click();
  await expect(correction).toBeHidden();
  await expect(scores).toContainText(/→ corrected to 0\.30 by /);
  await expect(scores).toContainText("Few-shot example");
  await expect(scores).toContainText("The label is printed from the returns page");
  await shootBothThemes(page, testInfo, "trace-corrected-score");
  await page.goto(`/projects/${projectId}/settings/evaluators`);

  // A backfill of the last day (its default range) finds the trace and follows the job to the end on its own.
  await section.getByRole("button", { name: "Backfill answer-relevance" }).click();
  const backfill = page.getByRole("dialog", { name: "Backfill answer-relevance" });
  await backfill.getByRole("button", { name: "Start backfill" }).click();
  const progress = backfill.getByRole("group", { name: /^Backfill from/ }).first();
  await expect(progress).toContainText("1 scored, 0 failed of 1 trace");
  await expect(progress).toContainText("Done", { timeout: 60_000 });
  await shootBothThemes(page, testInfo, "evaluators-backfill");
  expect(problems).toEqual([]);
});
