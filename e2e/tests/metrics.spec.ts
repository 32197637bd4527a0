import { test, expect, createSecretKey, projectIdOf } from "./fixtures";

test("the metrics page charts seeded traces and the API serves the same figures", async ({ page, request }) => {
  await page.goto("/");
  const projectId = projectIdOf(page);
  const fresh = await page.request.post("/api/v1/projects", { data: { name: "Metrics demo" } });
  const metricsProject = ((await fresh.json()) as { id: string }).id;
  const key = await createSecretKey(page, metricsProject, "metrics");
  expect(metricsProject).not.toBe(projectId);

  const now = Date.now();
  const traces = Array.from({ length: 12 }, (_, i) => ({
    id: `metrics-${i}`,
    model: i % 2 ? "gpt-4o" : "gpt-4o-mini",
    status: i === 0 ? "error" : "ok",
    startTime: new Date(now - (i + 1) * 4 * 60_000).toISOString(),
    endTime: new Date(now - (i + 1) * 4 * 60_000 + 200 + i * 50).toISOString(),
    usage: { inputTokens: 100, outputTokens: 10 },
  }));
  expect((await request.post("/api/v1/traces", { headers: { authorization: `Bearer ${key}` }, data: { traces } })).status()).toBe(200);

  const api = await request.get("/api/v1/metrics?range=1h&breakdown=model", { headers: { authorization: `Bearer ${key}` } });
  const body = (await api.json()) as { totals: { requests: number; errors: number }; series: { key: string }[] };
  expect(body.totals).toMatchObject({ requests: 12, errors: 1 });
  expect(body.series.map((s) => s.key).sort()).toEqual(["gpt-4o", "gpt-4o-mini"]);

  await page.goto(`/projects/${metricsProject}/metrics?range=1h`);
  const totals = page.getByRole("region", { name: "Totals" });
  await expect(totals.getByText("Requests", { exact: true }).locator("..")).toContainText("12");
  await expect(totals.getByText("Error rate", { exact: true }).locator("..")).toContainText("8.3%");
  await expect(page.getByRole("img")).toHaveCount(9);

  const requestsChart = page.getByRole("img", { name: /^Requests/ });
  const box = await requestsChart.boundingBox();
  if (!box) throw new Error("chart not laid out");
  await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);
  await expect(page.getByRole("status").filter({ hasText: "requests:" })).toBeVisible();

  await page.getByLabel("Breakdown").selectOption("model");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("table")).toContainText("gpt-4o-mini");
});
