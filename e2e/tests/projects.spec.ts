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
  const patched = await page.request.patch(`/api/v1/projects/${created}`, { data: { piiRedaction: "sometimes" } });
  expect(patched.status()).toBe(400);

  await page.getByRole("combobox", { name: "Project", exact: true }).selectOption(firstProject);
  await expect(page).toHaveURL(new RegExp(`/projects/${firstProject}$`));
});
