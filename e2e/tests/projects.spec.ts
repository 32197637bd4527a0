import { test, expect, openSettings, projectIdOf } from "./fixtures";

test("create a project from the switcher, rename it, and switch back", async ({ page }) => {
  await page.goto("/");
  const firstProject = projectIdOf(page);
  await page.getByRole("combobox", { name: "Project", exact: true }).selectOption({ label: "+ New project…" });
  await expect(page).toHaveURL(/\/projects\/new$/);
  await page.getByLabel("Project name").fill("Billing bot");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: "Billing bot", level: 1 })).toBeVisible();
  const created = projectIdOf(page);
  expect(created).not.toBe(firstProject);

  await openSettings(page);
  await page.getByLabel("Project name").fill("Billing assistant");
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("combobox", { name: "Project", exact: true })).toContainText("Billing assistant");

  await page.getByLabel("Personal data in traces").selectOption("mask");
  await expect(page.getByLabel("Personal data in traces")).toBeEnabled();
  await page.reload();
  await expect(page.getByLabel("Personal data in traces")).toHaveValue("mask");
  const prices = page.getByRole("region", { name: "Model prices" });
  await prices.getByLabel("Model pattern").fill("in-house-*");
  await prices.getByLabel("Input $/M").fill("1.5");
  await prices.getByLabel("Output $/M").fill("3");
  await prices.getByLabel("From (UTC)").fill("2026-01-01");
  await prices.getByRole("button", { name: "Add price" }).click();
  await expect(prices.getByRole("row", { name: /in-house-\*/ })).toContainText("$1.5");
  await prices.getByRole("button", { name: "Recompute past costs" }).click();
  await expect(prices.getByRole("status")).toHaveText("Recomputed 0 traces.");

  const patched = await page.request.patch(`/api/v1/projects/${created}`, { data: { piiRedaction: "sometimes" } });
  expect(patched.status()).toBe(400);

  await page.getByRole("combobox", { name: "Project", exact: true }).selectOption(firstProject);
  await expect(page).toHaveURL(new RegExp(`/projects/${firstProject}$`));
});
