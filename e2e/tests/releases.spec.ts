import { test, expect, createSecretKey, newProject, sendTraces, shootBothThemes } from "./fixtures";

const minuteMs = 60_000;

test.use({ viewport: { width: 1366, height: 768 } });

test("the Releases page puts the newest release against the busiest one and calls its tripled error rate worse", async ({
  page,
}, testInfo) => {
  // Waiting for the rollup job (every 30 s), then screenshots with axe in two themes.
  test.setTimeout(150_000);
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));
  const projectId = await newProject(page, "Two releases");
  const secretKey = await createSecretKey(page, projectId, "releases e2e");

  await page.goto(`/projects/${projectId}/releases`);
  await expect(page.getByRole("heading", { name: "Two releases are needed to compare" })).toBeVisible();

  // 2026.11.1 served 900 requests (4 % errors) over the last 3 hours; 2026.11.2 took 300 in the last hour (16 % errors).
  const now = Math.floor(Date.now() / minuteMs) * minuteMs;
  const trace = (release: string, index: number, startMs: number, failed: boolean) => ({
    id: `${release}-${index}`,
    release,
    userId: `user-${index % 50}`,
    startTime: new Date(startMs).toISOString(),
    endTime: new Date(startMs + 400 + ((index * 37) % 900)).toISOString(),
    costUsd: 0.002 + 0.0001 * (index % 7),
    ...(failed ? { status: "error" } : {}),
  });
  const traces = [
    ...Array.from({ length: 900 }, (_, i) => trace("2026.11.1", i, now - 3 * 60 * minuteMs + i * 12_000, i % 25 === 0)),
    ...Array.from({ length: 300 }, (_, i) => trace("2026.11.2", i, now - 60 * minuteMs + i * 12_000, i % 25 < 4)),
  ];
  await sendTraces(page, secretKey, traces);
  // The page reads rollups as the rollup job keeps them: wait for both releases to be in.
  await expect
    .poll(
      async () => {
        const compared = await page.request.get("/api/v1/releases/compare?baseline=2026.11.1&candidate=2026.11.2&range=24h", {
          headers: { authorization: `Bearer ${secretKey}` },
        });
        const body = (await compared.json()) as { metrics: { key: string; baseline: { n: number }; candidate: { n: number } }[] };
        const errors = body.metrics.find((metric) => metric.key === "errorRate");
        return [errors?.baseline.n, errors?.candidate.n];
      },
      { timeout: 90_000, intervals: [1000] },
    )
    .toEqual([900, 300]);

  await page.goto(`/projects/${projectId}/releases`);
  await expect(page.getByRole("heading", { name: "Releases", level: 1 })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Baseline" })).toHaveText("2026.11.1");
  await expect(page.getByRole("combobox", { name: "Candidate" })).toHaveText("2026.11.2");
  const errorRow = page.getByRole("row", { name: /Error rate/ });
  await expect(errorRow).toContainText("Worse");
  await expect(errorRow).toContainText("n = 900");
  // 4 % to 16 %: a change in points, not +300 %.
  await expect(errorRow).toContainText("+12.0 pts");
  await expect(page.getByRole("row", { name: /Cost per request/ })).toContainText("No difference");
  await expect(page.getByRole("row", { name: /Thumbs-down rate/ })).toContainText("Not enough data yet");
  await shootBothThemes(page, testInfo, "releases-compare");

  // Swapped by hand: the same figures from the other side, and the verdict turns.
  await page.goto(`/projects/${projectId}/releases?baseline=2026.11.2&candidate=2026.11.1&range=24h`);
  await expect(page.getByRole("row", { name: /Error rate/ })).toContainText("Better");
  await page.goto(`/projects/${projectId}/releases?baseline=2026.11.2&candidate=2026.11.2`);
  await expect(page.getByText("candidate: the candidate must differ from the baseline")).toBeVisible();
  expect(problems).toEqual([]);
});

test("a rollout started in the console splits users stickily, is paused and rolled back by hand, each change in its history", async ({
  page,
}, testInfo) => {
  // Screenshots with axe in two themes.
  test.setTimeout(90_000);
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));
  const projectId = await newProject(page, "Rollout");
  const secretKey = await createSecretKey(page, projectId, "rollout e2e");
  // A score the application's judge gives, which the rollout will guard too.
  const scoreConfig = await page.request.put("/api/v1/score-configs/helpfulness", {
    headers: { authorization: `Bearer ${secretKey}` },
    data: { dataType: "numeric", minValue: 0, maxValue: 1, higherIsBetter: true },
  });
  expect(scoreConfig.status()).toBe(200);
  await page.goto(`/projects/${projectId}/releases`);
  await expect(page.getByText("No rollouts yet")).toBeVisible();

  await page.getByRole("button", { name: "Start a rollout" }).click();
  const dialog = page.getByRole("dialog", { name: "Start a rollout" });
  await dialog.getByRole("textbox", { name: "Key" }).fill("chat-answer");
  await dialog.getByRole("combobox", { name: "Baseline" }).fill("2026.11.1");
  await dialog.getByRole("combobox", { name: "Candidate" }).fill("2026.11.1");
  await dialog.getByRole("button", { name: "Start" }).click();
  // Refused beside the field, and nothing started.
  await expect(dialog.getByText("the candidate must differ from the baseline")).toBeVisible();
  await dialog.getByRole("combobox", { name: "Candidate" }).fill("2026.11.2");
  await dialog.getByRole("textbox", { name: "Stages" }).fill("10, 50, 100");
  // Three guardrails by default; a fourth on the score, which waits for scored traces.
  const scoreHint = dialog.getByText("A score guardrail holds the stage until both releases have enough scored traces");
  await expect(scoreHint).toBeHidden();
  await dialog.getByRole("button", { name: "Add guardrail" }).click();
  await dialog.getByRole("combobox", { name: "Guardrail 4 metric" }).click();
  await page.getByRole("option", { name: "helpfulness" }).click();
  await expect(scoreHint).toBeVisible();
  await dialog.getByRole("textbox", { name: "Guardrail 4 largest regression (%)" }).fill("2.5");
  await dialog.getByRole("button", { name: "Start" }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/rollout=chat-answer/);
  const detail = page.getByLabel("Rollout chat-answer");
  await expect(detail.getByRole("heading", { name: /chat-answer: 2026.11.2 against 2026.11.1/ })).toBeVisible();
  await expect(detail).toContainText("10% · stage 1 of 3");
  await expect(detail.getByRole("row", { name: /Started: 0% → 10%/ })).toBeVisible();
  await expect(detail).toContainText(
    "Guardrails: Error rate at most 10% worse, Thumbs-down rate at most 10% worse, Latency p95 at most 25% worse, helpfulness at most 2.5% worse.",
  );

  // The application asks which release serves each user: the same answer every time, about 10 % on the candidate.
  const assign = async (unit: string) => {
    const answer = await page.request.get(`/api/v1/rollouts/chat-answer/assign?unit=${unit}`, {
      headers: { authorization: `Bearer ${secretKey}` },
    });
    expect(answer.status()).toBe(200);
    return ((await answer.json()) as { release: string }).release;
  };
  const first = await Promise.all(Array.from({ length: 60 }, (_, i) => assign(`user-${i}`)));
  expect(await Promise.all(Array.from({ length: 60 }, (_, i) => assign(`user-${i}`)))).toEqual(first);
  expect(first.filter((release) => release === "2026.11.2").length).toBeLessThan(20);
  expect(
    (await page.request.get("/api/v1/rollouts/nope/assign?unit=u", { headers: { authorization: `Bearer ${secretKey}` } })).status(),
  ).toBe(404);

  await detail.getByRole("button", { name: "Pause" }).click();
  await expect(detail.getByText("Paused", { exact: true }).first()).toBeVisible();
  await expect(detail.getByRole("row", { name: /Paused by hand/ })).toBeVisible();
  // The confirmation toast fades in and out (axe would measure its contrast mid-fade): shoot the page after it.
  await expect(page.getByText("chat-answer paused")).toBeVisible();
  await expect(page.getByText("chat-answer paused")).toBeHidden({ timeout: 15_000 });
  await shootBothThemes(page, testInfo, "releases-rollout");

  await detail.getByRole("button", { name: "Roll back" }).click();
  await page.getByRole("alertdialog", { name: "Roll back chat-answer?" }).getByRole("button", { name: "Roll back" }).click();
  await expect(detail.getByRole("row", { name: /Rolled back by hand/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /^chat-answer 2026\.11\.2 \/ 2026\.11\.1/ })).toContainText("Rolled back");
  // Everybody is back on the baseline.
  expect(new Set(await Promise.all(Array.from({ length: 30 }, (_, i) => assign(`user-${i}`))))).toEqual(new Set(["2026.11.1"]));
  expect(problems).toEqual([]);
});
