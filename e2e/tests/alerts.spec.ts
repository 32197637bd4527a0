import { test, expect, createSecretKey, newProject, sendTraces, shootBothThemes } from "./fixtures";

const minuteMs = 60_000;

test.use({ viewport: { width: 1366, height: 768 } });

test("a rule made from the p95 latency preset previews the last 7 days, then fires on slow traffic and shows in the header", async ({
  page,
}, testInfo) => {
  // Waiting for the rollup job (every 30 s), then screenshots with axe in two themes on four screens.
  test.setTimeout(180_000);
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));
  const projectId = await newProject(page, "Slow assistant");
  const secretKey = await createSecretKey(page, projectId, "alerts e2e");

  // 40 requests a minute over the last 20 minutes, each taking 8 s.
  const now = Math.floor(Date.now() / minuteMs) * minuteMs;
  const traces = Array.from({ length: 800 }, (_, index) => {
    const start = now - 20 * minuteMs + Math.floor(index / 40) * minuteMs + (index % 40) * 1000;
    return {
      id: `slow-${index}`,
      model: "gpt-4o",
      startTime: new Date(start).toISOString(),
      endTime: new Date(start + 8000).toISOString(),
    };
  });
  await sendTraces(page, secretKey, traces);

  // The preview reads rollups as the rollup job keeps them (every 30 s): wait for the traffic to be in.
  await expect
    .poll(
      async () => {
        const metrics = await page.request.get("/api/v1/metrics?range=1h", { headers: { authorization: `Bearer ${secretKey}` } });
        return ((await metrics.json()) as { totals: { requests: number } }).totals.requests;
      },
      { timeout: 90_000, intervals: [1000] },
    )
    .toBe(800);

  await page.goto(`/projects/${projectId}/alerts`);
  await expect(page.getByRole("heading", { name: "No alert rules yet" })).toBeVisible();
  await shootBothThemes(page, testInfo, "alerts-empty");
  await page.getByRole("button", { name: "New rule" }).click();
  const dialog = page.getByRole("dialog", { name: "New alert rule" });
  await dialog.getByRole("button", { name: /p95 latency above 5 s for 30 minutes/ }).click();
  await expect(dialog.getByLabel("Name")).toHaveValue("p95 latency above 5 s");
  await expect(dialog.getByLabel("Threshold (critical)")).toHaveValue("5000");
  const preview = dialog.getByTestId("alert-preview");
  await expect(preview.getByText("Would not have fired in the last 7 days.")).toBeVisible();
  await expect(preview.getByRole("figure").or(preview.locator("canvas")).first()).toBeVisible();

  // Held for 30 minutes it has not fired yet; without a `for` it would have.
  await dialog.getByLabel("For (minutes)").fill("0");
  await expect(preview.getByText(/Would have fired 1 time in the last 7 days/)).toBeVisible();
  await shootBothThemes(page, testInfo, "alerts-new-rule");
  await dialog.getByRole("button", { name: "Create rule" }).click();

  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/alerts/[0-9a-f-]{36}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("p95 latency above 5 s");
  await page.getByRole("button", { name: "Evaluate now" }).click();
  await expect(page.getByTestId("rule-state")).toHaveText("Firing · critical");
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByRole("row").nth(1)).toContainText("OK → Firing · critical");
  await expect(page.getByTestId("firing-alerts")).toContainText("1 firing");
  // Off the button just pressed: a hovered button is not what the page looks like.
  await page.mouse.move(0, 0);
  await shootBothThemes(page, testInfo, "alerts-rule-firing");

  // Changed to a level the traffic does not reach, without the warning: the rule starts afresh and is OK.
  await page.getByRole("button", { name: "Change", exact: true }).click();
  const change = page.getByRole("dialog", { name: "Change alert rule" });
  await expect(change.getByLabel("For (minutes)")).toHaveValue("0");
  await change.getByLabel("Threshold (critical)").fill("9000");
  await change.getByLabel("Warning", { exact: true }).fill("");
  await expect(change.getByTestId("alert-preview").getByText("Would not have fired in the last 7 days.")).toBeVisible();
  await shootBothThemes(page, testInfo, "alerts-change-rule");
  await change.getByRole("button", { name: "Save changes" }).click();
  await expect(change).toBeHidden();
  await expect(page.getByText(/above 9(\.0+)? s over 5 min/)).toBeVisible();
  await page.getByRole("button", { name: "Evaluate now" }).click();
  await expect(page.getByTestId("rule-state")).toHaveText("OK");
  await expect(page.getByTestId("firing-alerts")).toBeHidden();

  await page.getByRole("link", { name: "Alerts", exact: true }).first().click();
  await expect(page.getByRole("row", { name: /p95 latency above 5 s/ })).toContainText("OK");
  await shootBothThemes(page, testInfo, "alerts-list");
  expect(problems).toEqual([]);
});
