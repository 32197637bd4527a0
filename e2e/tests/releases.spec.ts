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
