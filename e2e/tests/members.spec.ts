import { test, expect, openSettings, projectIdOf, signIn } from "./fixtures";

test("an annotator sees no key management, is refused by the API, and loses access when removed", async ({ page, browser }) => {
  await page.goto("/");
  const projectId = projectIdOf(page);
  await openSettings(page);
  const members = page.getByRole("region", { name: "Members" });
  await members.getByLabel("Email").fill("annie@liveloop.test");
  await members.getByLabel("Role").selectOption("annotator");
  await members.getByRole("button", { name: "Add member" }).click();
  const password = (await page.getByTestId("temporary-password").textContent()) ?? "";
  expect(password.length).toBeGreaterThanOrEqual(16);
  await expect(members.getByRole("row", { name: /annie@liveloop.test/ })).toBeVisible();

  const annotatorContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const annotator = await annotatorContext.newPage();
  await signIn(annotator, "annie@liveloop.test", password);
  await expect(annotator.getByTestId("signed-in-as")).toHaveText("annie@liveloop.test · annotator");
  await openSettings(annotator);
  await expect(annotator.getByRole("region", { name: "Members" })).toBeVisible();
  await expect(annotator.getByRole("region", { name: "API keys" })).toHaveCount(0);
  await expect(annotator.getByRole("button", { name: /Create key|Add member|Remove|Revoke|Rename/ })).toHaveCount(0);

  const direct = await annotator.request.post(`/api/v1/projects/${projectId}/api-keys`, { data: { kind: "secret", name: "sneaky" } });
  expect(direct.status()).toBe(403);
  expect((await annotator.request.get(`/api/v1/projects/${projectId}/api-keys`)).status()).toBe(403);
  expect(
    (await annotator.request.post(`/api/v1/projects/${projectId}/members`, { data: { email: "x@liveloop.test", role: "admin" } })).status(),
  ).toBe(403);

  // Removed: the open session loses the project at once, and signing in again fails.
  await members.getByRole("button", { name: "Remove annie@liveloop.test" }).click();
  await expect(members.getByRole("row", { name: /annie@liveloop.test/ })).toHaveCount(0);
  expect((await annotator.request.get(`/api/v1/projects/${projectId}/members`)).status()).toBe(403);
  const gone = await annotator.goto(`/projects/${projectId}`);
  expect(gone?.status()).toBe(404);
  await annotator.getByRole("button", { name: "Sign out" }).count();
  await annotatorContext.clearCookies();
  await signIn(annotator, "annie@liveloop.test", password);
  await expect(annotator.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  await annotatorContext.close();
});
