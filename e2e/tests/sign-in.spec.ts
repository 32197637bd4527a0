import { test, expect, inviteByApi, owner, signIn } from "./fixtures";

test.use({ storageState: { cookies: [], origins: [] } });

test("a wrong password gets a generic error; the right one signs in; sign-out ends the session", async ({ page }) => {
  await signIn(page, owner.email, "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  await signIn(page, "nobody@liveloop.test", "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();

  await signIn(page, owner.email, owner.password);
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("signed-in-as")).toContainText(owner.email);

  // A click that lands before the page has hydrated does nothing yet: click again until it does.
  await expect(async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/, { timeout: 2_000 });
  }).toPass();
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin$/);
  expect((await page.request.get("/api/v1/projects")).status()).toBe(401);
});

test("console pages send a signed-out visitor to sign in", async ({ page }) => {
  await page.goto("/projects/new");
  await expect(page).toHaveURL(/\/signin$/);
});

test("repeated wrong passwords lock the account for a while, with a message saying so", async ({ page, browser }) => {
  const ownerContext = await browser.newContext({ storageState: ".auth/owner.json" });
  const projects = (await (await ownerContext.request.get("/api/v1/projects")).json()) as { data: { id: string }[] };
  const link = await inviteByApi(await ownerContext.newPage(), projects.data[0]?.id ?? "", "locked@liveloop.test", "viewer");
  const rightPassword = "locked-password-1";
  const registered = await ownerContext.request.post("/api/v1/invitations/register", {
    data: { token: new URL(link).pathname.split("/").pop(), name: "Locked Out", password: rightPassword },
  });
  expect(registered.status()).toBe(201);
  await ownerContext.close();

  for (let attempt = 0; attempt < 5; attempt++) {
    await signIn(page, "locked@liveloop.test", "wrong-password");
    await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  }
  await signIn(page, "locked@liveloop.test", rightPassword);
  await expect(page.getByRole("alert").filter({ hasText: "Too many failed attempts" })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});
