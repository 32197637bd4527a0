import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { test, expect, createSecretKey, newProject, shootBothThemes } from "./fixtures";

/** Real questions (driftDataFixture.py): GSM8K math problems as the golden set, TruthfulQA questions as live traffic. */
const data = JSON.parse(readFileSync(new URL("./driftData.json", import.meta.url), "utf8")) as {
  golden: { question: string; answer: string }[];
  live: { question: string; answer: string }[];
};

const hourMs = 3_600_000;

test.use({ viewport: { width: 1366, height: 768 } });

/** Questions of the hour the test runs on demand; the rest fall in the hour before, which only the schedule judges. */
const perHour = 250;

/** Publishes the golden set of math problems and sends the general-knowledge questions as traces of two past hours. */
async function seed(request: APIRequestContext, secretKey: string, hourStart: number): Promise<void> {
  const headers = { authorization: `Bearer ${secretKey}` };
  const items = data.golden.map((row, index) => ({
    id: `gsm8k-${index}`,
    input: [{ role: "user", content: row.question }],
    expectedOutput: row.answer,
  }));
  expect((await request.post("/api/v1/datasets/golden/items", { headers, data: { items } })).status()).toBe(200);
  expect((await request.post("/api/v1/datasets/golden/versions", { headers })).status()).toBe(201);
  const traces = data.live.map((row, index) => {
    const start = index < perHour ? hourStart + index * 10_000 : hourStart - hourMs + (index - perHour) * 10_000;
    return {
      id: `truthfulqa-${index}`,
      input: [{ role: "user", content: row.question }],
      output: row.answer,
      model: "gpt-4o-mini",
      startTime: new Date(start).toISOString(),
      endTime: new Date(start + 1200).toISOString(),
    };
  });
  expect((await request.post("/api/v1/traces", { headers, data: { traces } })).status()).toBe(200);
}

test("a golden set of math problems against an hour of general-knowledge questions reads as drift, explained, and an example goes to review", async ({
  page,
}, testInfo) => {
  // Embedding, fitting and a run with 1 000 permutations, on a machine shared with other work.
  test.setTimeout(360_000);
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));

  const projectId = await newProject(page, "Drifting assistant");
  const secretKey = await createSecretKey(page, projectId, "drift e2e");
  const headers = { authorization: `Bearer ${secretKey}` };
  const hourStart = Math.floor(Date.now() / hourMs) * hourMs - 2 * hourMs;
  await seed(page.request, secretKey, hourStart);

  const baseline = await page.request.post("/api/v1/drift/baselines", { headers, data: { name: "gsm8k-golden", dataset: "golden" } });
  expect(baseline.status()).toBe(201);
  expect(await baseline.json()).toMatchObject({ name: "gsm8k-golden", points: data.golden.length, embedder: "lexstyle-v1" });

  const onDemand = { baseline: "gsm8k-golden", from: new Date(hourStart).toISOString(), to: new Date(hourStart + hourMs).toISOString() };
  const started = await page.request.post("/api/v1/drift/runs", { headers, data: onDemand });
  expect(started.status()).toBe(202);
  const runId = ((await started.json()) as { id: string }).id;
  await expect
    .poll(
      async () => {
        const run = (await (await page.request.get(`/api/v1/drift/runs/${runId}`, { headers })).json()) as { status: string };
        return run.status;
      },
      { timeout: 180_000, intervals: [1000] },
    )
    .toBe("done");
  const run = (await (await page.request.get(`/api/v1/drift/runs/${runId}`, { headers })).json()) as {
    verdict: string;
    result: { liveCount: number };
  };
  expect(run).toMatchObject({ verdict: "drift", result: { liveCount: perHour } });

  // The schedule (every minute) judges the last 72 hours against a new baseline: the chart and the windows list show the
  // hour before. (The hour run on demand is that run, not an hourly one, so the hourly chart leaves it out.)
  const hourBefore = new Date(hourStart - hourMs).toISOString();
  const hourly = `/api/v1/drift?baseline=gsm8k-golden&window=hour`;
  await expect
    .poll(
      async () => {
        const list = (await (await page.request.get(hourly, { headers })).json()) as { data: { from: string; status: string }[] };
        return list.data.find((entry) => entry.from === hourBefore)?.status ?? "not scheduled yet";
      },
      { timeout: 150_000, intervals: [2000] },
    )
    .toBe("done");

  await page.goto(`/projects/${projectId}/drift?run=${runId}`);
  await expect(page.getByRole("heading", { name: "Drift", level: 1 })).toBeVisible();
  await expect(page.getByTestId("run-verdict")).toHaveText("Drift");
  const windows = page.getByRole("table", { name: "Windows" });
  await expect(windows.getByRole("row", { name: new RegExp(`^${hourBefore.slice(0, 10)} ${hourBefore.slice(11, 16)} UTC`) })).toContainText(
    "Drift",
  );
  await expect(page.getByRole("region", { name: "Figures" })).toContainText(`Live texts${perHour}`);
  const map = page.getByRole("img", { name: /^Map of baseline and live texts/ });
  await expect(map.locator("canvas")).toBeVisible();
  // Hovering names the point nearest the pointer: sweep a coarse grid over the map until one is named.
  const hover = page.getByTestId("scatter-hover");
  await map.scrollIntoViewIfNeeded();
  const box = await map.boundingBox();
  if (!box) throw new Error("the map has no box");
  for (let cell = 0; cell < 100 && ((await hover.textContent()) ?? "").startsWith("Point at"); cell++)
    await page.mouse.move(box.x + (box.width * ((cell % 10) + 0.5)) / 10, box.y + (box.height * (Math.floor(cell / 10) + 0.5)) / 10);
  await expect(hover).toContainText(/(Baseline|Live): \S/);
  const clusters = page.getByRole("region", { name: "Clusters" }).getByRole("article");
  await expect(clusters.first()).toBeVisible();
  const novel = page.getByRole("region", { name: "Novel examples" });
  const liveQuestions = new Set(data.live.slice(0, perHour).map((row) => row.question));
  const firstExample = novel.getByRole("list", { name: "novel examples" }).getByRole("listitem").first();
  await expect(firstExample.getByRole("link", { name: "Open trace" })).toHaveAttribute(
    "href",
    new RegExp(`/projects/${projectId}/traces/truthfulqa-\\d+$`),
  );
  const exampleText = (await firstExample.innerText()).split("\n")[0] ?? "";
  expect([...liveQuestions].some((question) => question.startsWith(exampleText.replace(/…$/, "").trim()))).toBe(true);

  // From the top, as a person opening the page sees it (the sidebar is sticky: a scrolled full-page shot draws it mid-page).
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  await shootBothThemes(page, testInfo, "drift-drifted-run", { fullPage: true });

  await firstExample.getByRole("checkbox").click();
  const actions = novel.getByRole("group", { name: "Actions on novel examples" });
  await actions.getByRole("button", { name: "Send to review (1)" }).click();
  await expect(actions.getByRole("status")).toHaveText("1 sent to review");
  await actions.getByRole("button", { name: "Send to review (1)" }).click();
  await expect(actions.getByRole("status")).toHaveText("1 already there");
  expect(problems).toEqual([]);
});

test("a project without a baseline says what one is and offers to make one", async ({ page }, testInfo) => {
  const projectId = await newProject(page, "Baseline-less assistant");
  await page.goto(`/projects/${projectId}/drift`);
  await expect(page.getByRole("heading", { name: "No baseline yet" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Drift" })).toHaveAttribute("aria-current", "page");
  await shootBothThemes(page, testInfo, "drift-empty", { fullPage: true });
  await page.getByRole("button", { name: "New baseline" }).click();
  const dialog = page.getByRole("dialog", { name: "New baseline" });
  await dialog.getByRole("button", { name: "Make baseline" }).click();
  // No name: the form says so beside the field.
  await expect(dialog.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByText("Give the baseline a name")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("drift-new-baseline-refused-light-1366x768.png") });
});
