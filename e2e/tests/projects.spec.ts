import { test, expect, chooseOption, openSettingsSection, owner, projectIdOf } from "./fixtures";

test("create a project from the switcher, rename it, set its privacy and prices, and switch back", async ({ page }) => {
  await page.goto("/");
  const firstProject = projectIdOf(page);
  await chooseOption(page, page.getByRole("combobox", { name: "Project", exact: true }), "+ New project…");
  await expect(page).toHaveURL(/\/projects\/new$/);
  await expect(page.getByRole("heading", { name: "New project", level: 1 })).toBeVisible();
  await page.getByLabel("Project name").fill("Billing bot");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: "Billing bot", level: 1 })).toBeVisible();
  const created = projectIdOf(page);
  expect(created).not.toBe(firstProject);

  await openSettingsSection(page, "Project");
  await expect(page).toHaveURL(new RegExp(`/projects/${created}/settings/project$`));
  await page.getByLabel("Project name").fill("Billing assistant");
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByText("Project renamed")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Project", exact: true })).toContainText("Billing assistant");

  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Privacy" }).click();
  const privacy = page.getByRole("radiogroup", { name: "Personal data in traces" });
  await expect(privacy.getByRole("radio", { name: /Store as sent/ })).toBeChecked();
  await privacy.getByRole("radio", { name: /Mask before storing/ }).click();
  await expect(page.getByText("Privacy setting saved")).toBeVisible();
  await page.reload();
  await expect(privacy.getByRole("radio", { name: /Mask before storing/ })).toBeChecked();

  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Model prices" }).click();
  const prices = page.getByRole("region", { name: "Model prices" });
  // A new price starts from today (UTC).
  await expect(prices.getByLabel("From (UTC)")).toHaveValue(new Date().toISOString().slice(0, 10));
  await prices.getByLabel("Model pattern").fill("in-house-*");
  await prices.getByLabel("Input $/M").fill("1.5");
  await prices.getByLabel("Output $/M").fill("3");
  await prices.getByLabel("From (UTC)").fill("2026-01-01");
  await prices.getByRole("button", { name: "Add price" }).click();
  await expect(prices.getByRole("row", { name: /in-house-\*/ })).toContainText("$1.5");
  await expect(prices.getByLabel("Model pattern")).toHaveValue("");
  await prices.getByRole("button", { name: "Recompute past costs" }).click();
  await expect(prices.getByRole("status")).toHaveText("Recomputed 0 traces.");

  const patched = await page.request.patch(`/api/v1/projects/${created}`, { data: { piiRedaction: "sometimes" } });
  expect(patched.status()).toBe(400);

  await chooseOption(page, page.getByRole("combobox", { name: "Project", exact: true }), owner.projectName);
  await expect(page).toHaveURL(new RegExp(`/projects/${firstProject}$`));
});

test("an unknown settings section is a 404 inside the console", async ({ page }) => {
  await page.goto("/");
  const projectId = projectIdOf(page);
  const response = await page.goto(`/projects/${projectId}/settings/nope`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
});
