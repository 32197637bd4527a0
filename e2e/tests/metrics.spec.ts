import type { Locator } from "@playwright/test";
import { test, expect, createSecretKey, projectIdOf } from "./fixtures";

/** How many pixels of a chart's canvas are drawn in the series colour (indigo: clearly bluer than grey). */
async function seriesPixels(chart: Locator): Promise<number> {
  return chart.locator("canvas").evaluate((canvas: HTMLCanvasElement) => {
    const context = canvas.getContext("2d");
    if (!context) return 0;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r = 0, g = 0, b = 0, a = 0] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if (a > 128 && b > r + 60 && b > g + 40) count++;
    }
    return count;
  });
}

test("the metrics page charts seeded traces and the API serves the same figures", async ({ page, request }) => {
  // The figures wait for the rollup job, which runs every 30 s.
  test.setTimeout(120_000);
  await page.goto("/");
  const projectId = projectIdOf(page);
  const fresh = await page.request.post("/api/v1/projects", { data: { name: "Metrics demo" } });
  const metricsProject = ((await fresh.json()) as { id: string }).id;
  const key = await createSecretKey(page, metricsProject, "metrics");
  expect(metricsProject).not.toBe(projectId);

  const now = Date.now();
  // Four minutes apart: in a one-hour chart with one point per minute, every value is alone
  // between empty minutes, so a line alone would draw nothing.
  const traces = Array.from({ length: 12 }, (_, i) => ({
    id: `metrics-${i}`,
    model: i % 2 ? "gpt-4o" : "gpt-4o-mini",
    status: i === 0 ? "error" : "ok",
    startTime: new Date(now - (i + 1) * 4 * 60_000).toISOString(),
    endTime: new Date(now - (i + 1) * 4 * 60_000 + 200 + i * 50).toISOString(),
    usage: { inputTokens: 100, outputTokens: 10 },
  }));
  expect((await request.post("/api/v1/traces", { headers: { authorization: `Bearer ${key}` }, data: { traces } })).status()).toBe(200);

  // Metrics read rollups, which the rollup job (every 30 s) builds after ingest.
  const metricsOf = async () => {
    const api = await request.get("/api/v1/metrics?range=1h&breakdown=model", { headers: { authorization: `Bearer ${key}` } });
    return (await api.json()) as { totals: { requests: number; errors: number }; series: { key: string }[] };
  };
  await expect.poll(async () => (await metricsOf()).totals.requests, { timeout: 60_000 }).toBe(12);
  const body = await metricsOf();
  expect(body.totals).toMatchObject({ requests: 12, errors: 1 });
  expect(body.series.map((s) => s.key).sort()).toEqual(["gpt-4o", "gpt-4o-mini"]);

  await page.goto(`/projects/${metricsProject}/metrics?range=1h`);
  const totals = page.getByRole("region", { name: "Totals" });
  await expect(totals.getByText("Requests", { exact: true }).locator("..")).toContainText("12");
  await expect(totals.getByText("Error rate", { exact: true }).locator("..")).toContainText("8.3%");
  await expect(page.getByRole("region", { name: "Charts" }).getByRole("img")).toHaveCount(9);
  await expect(page.getByRole("combobox", { name: "Time range" })).toHaveText("Last hour");

  // Single-bucket values are drawn (as dots), not left blank.
  const errorRate = page.getByRole("region", { name: "Error rate", exact: true });
  await expect.poll(() => seriesPixels(errorRate)).toBeGreaterThan(20);
  // Every chart has its figures as a table for screen readers.
  await expect(errorRate.getByRole("table", { includeHidden: true })).toContainText("100.0%");

  const requestsChart = page.getByRole("region", { name: "Requests", exact: true });
  const plot = requestsChart.getByRole("img", { name: /^Requests chart/ });
  const box = await plot.boundingBox();
  if (!box) throw new Error("chart not laid out");
  await expect(requestsChart.getByTestId("chart-legend")).toContainText("Latest");
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await expect(requestsChart.getByTestId("chart-legend")).toContainText(/At \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  await expect(requestsChart.getByTestId("chart-legend")).toContainText("Requests:");

  await page.getByRole("combobox", { name: "Breakdown" }).click();
  await page.getByRole("option", { name: "By model" }).click();
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/breakdown=model/);
  await expect(page.getByRole("region", { name: "By model" }).getByRole("table")).toContainText("gpt-4o-mini");
});
