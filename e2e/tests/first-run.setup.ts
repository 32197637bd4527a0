import { test, expect, owner } from "./fixtures";

test("first run: the set-up page creates the owner and first project, then is gone", async ({ page, request }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel("Your name").fill(owner.name);
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password (at least 8 characters)").fill(owner.password);
  await page.getByLabel("First project").fill(owner.projectName);
  await page.getByRole("button", { name: "Create owner and project" }).click();

  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: owner.projectName, level: 1 })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText(`${owner.email} · owner`);

  // A second set-up is refused by the API and the page sends people to sign in.
  const again = await request.post("/api/v1/setup", {
    data: { name: "Mallory", email: "mallory@liveloop.test", password: "mallory-pass", projectName: "Takeover" },
  });
  expect(again.status()).toBe(403);
  expect(again.headers()["content-type"]).toBe("application/problem+json");
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/signin$/);

  await page.context().storageState({ path: ".auth/owner.json" });
});
