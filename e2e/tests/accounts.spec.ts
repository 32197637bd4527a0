import { test, expect, inviteByApi, joinThroughLink, openSettingsSection, projectIdOf, signIn } from "./fixtures";

test("a person already on Liveloop accepts an invitation to another project while signed in", async ({ page, browser }) => {
  await page.goto("/");
  const firstProject = projectIdOf(page);
  const email = `ella-${Date.now()}@liveloop.test`;
  const { context, page: ella } = await joinThroughLink(
    browser,
    await inviteByApi(page, firstProject, email, "viewer"),
    "ellas-password-1",
  );

  const created = await page.request.post("/api/v1/projects", { data: { name: `Second ${Date.now()}` } });
  expect(created.status()).toBe(201);
  const secondProject = ((await created.json()) as { id: string }).id;
  const link = await inviteByApi(page, secondProject, email, "annotator");

  // Creating an account through the link is refused for an e-mail that has one: its password stays.
  const hijack = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const token = new URL(link).pathname.split("/").pop();
  const refused = await hijack.request.post("/api/v1/invitations/register", {
    data: { token, name: "Mallory", password: "mallorys-password" },
  });
  expect(refused.status()).toBe(409);
  await hijack.close();

  await ella.goto(new URL(link).pathname);
  await ella.getByRole("button", { name: "Accept invitation" }).click();
  await expect(ella).toHaveURL(new RegExp(`/projects/${secondProject}$`));
  await expect(ella.getByTestId("signed-in-as")).toHaveText(`${email} · annotator`);
  await context.close();
});

test("changing a password ends the other sessions; sign out everywhere ends all; a saved cookie stops working after sign-out", async ({
  page,
  browser,
}) => {
  await page.goto("/");
  const projectId = projectIdOf(page);
  const email = `paul-${Date.now()}@liveloop.test`;
  const { context: laptop, page: paul } = await joinThroughLink(
    browser,
    await inviteByApi(page, projectId, email, "annotator"),
    "pauls-password-1",
  );
  const phone = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const paulOnPhone = await phone.newPage();
  await signIn(paulOnPhone, email, "pauls-password-1");
  await expect(paulOnPhone.getByTestId("signed-in-as")).toBeVisible();

  await paul.getByRole("link", { name: "Account" }).click();
  await paul.getByLabel("Current password").fill("pauls-password-1");
  await paul.getByLabel("New password", { exact: true }).fill("pauls-password-2");
  await paul.getByLabel("New password again").fill("pauls-password-2");
  await paul.getByRole("button", { name: "Change password" }).click();
  await expect(paul.getByText("Password changed. Your other sessions are signed out; this one stays.")).toBeVisible();
  await expect(paul.getByLabel("Current password")).toHaveValue("");
  expect((await phone.request.get("/api/v1/projects")).status()).toBe(401);
  expect((await laptop.request.get("/api/v1/projects")).status()).toBe(200);

  // A copy of the cookie taken before signing out is worth nothing afterwards.
  const saved = await laptop.storageState();
  await paul.goto(`/projects/${projectId}`);
  await paul.getByRole("button", { name: "Sign out" }).click();
  await expect(paul).toHaveURL(/\/signin/);
  const replay = await browser.newContext({ storageState: saved });
  expect((await replay.request.get("/api/v1/projects")).status()).toBe(401);
  await replay.close();

  // Signed in twice with the new password, then out of both from one of them.
  await signIn(paulOnPhone, email, "pauls-password-2");
  await expect(paulOnPhone.getByTestId("signed-in-as")).toBeVisible();
  await signIn(paul, email, "pauls-password-2");
  await expect(paul.getByTestId("signed-in-as")).toBeVisible();
  await paul.goto("/account");
  await paul.getByRole("button", { name: "Sign out everywhere" }).click();
  await paul.getByRole("alertdialog", { name: "Sign out everywhere?" }).getByRole("button", { name: "Sign out all sessions" }).click();
  await expect(paul).toHaveURL(/\/signin/);
  expect((await phone.request.get("/api/v1/projects")).status()).toBe(401);
  expect((await laptop.request.get("/api/v1/projects")).status()).toBe(401);
  await laptop.close();
  await phone.close();
});

test("an owner's reset link lets a member set a new password once", async ({ page, browser }) => {
  await page.goto("/");
  const projectId = projectIdOf(page);
  const email = `rosa-${Date.now()}@liveloop.test`;
  const { context, page: rosa } = await joinThroughLink(browser, await inviteByApi(page, projectId, email, "viewer"), "rosas-password-1");

  await openSettingsSection(page, "Members");
  const members = page.getByRole("region", { name: "Members" });
  await members.getByRole("button", { name: `Password reset link for ${email}` }).click();
  const link = (await members.getByTestId("one-time-link").textContent()) ?? "";
  expect(link).toContain("/reset-password/");

  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const resetPage = await stranger.newPage();
  await resetPage.goto(new URL(link).pathname);
  await resetPage.getByLabel("New password", { exact: true }).fill("rosas-password-2");
  await resetPage.getByLabel("New password again").fill("rosas-password-2");
  await resetPage.getByRole("button", { name: "Set password" }).click();
  await expect(resetPage.getByRole("status")).toContainText("Your password is set");
  await resetPage.goto(new URL(link).pathname);
  await expect(resetPage.getByText("This password link is invalid, expired or already used.")).toBeVisible();
  // Her open session ended with the reset; the new password works.
  expect((await context.request.get("/api/v1/projects")).status()).toBe(401);
  await signIn(rosa, email, "rosas-password-2");
  await expect(rosa.getByTestId("signed-in-as")).toHaveText(`${email} · viewer`);
  await stranger.close();
  await context.close();
});

test.describe("behind a trusted proxy", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("sign-in over HTTPS sets Secure cookies and answers with the public URL, not localhost:3000", async ({ playwright, baseURL }) => {
    const proxy = { "x-forwarded-proto": "https", "x-forwarded-host": "liveloop.example.test", "x-forwarded-for": "203.0.113.50" };
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: proxy });
    const csrf = await api.get("/api/auth/csrf");
    const csrfCookie = csrf.headersArray().find((header) => header.name.toLowerCase() === "set-cookie")?.value ?? "";
    expect(csrfCookie).toMatch(/^__Host-next-auth\.csrf-token=.*; Secure/i);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signedIn = await api.post("/api/auth/callback/credentials", {
      headers: { cookie: csrfCookie.split(";")[0] ?? "" },
      form: { csrfToken, email: "owner@liveloop.test", password: "owner-password-1", json: "true" },
    });
    const cookies = signedIn
      .headersArray()
      .filter((header) => header.name.toLowerCase() === "set-cookie")
      .map((header) => header.value);
    expect(cookies.find((cookie) => cookie.startsWith("__Secure-next-auth.session-token="))).toMatch(/; Secure/i);
    expect(((await signedIn.json()) as { url: string }).url).toMatch(/^https:\/\/liveloop\.example\.test(\/|$)/);
    await api.dispose();
  });
});
