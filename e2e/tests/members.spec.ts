import { test, expect, chooseOption, openSettings, openSettingsSection, owner, projectIdOf, signIn } from "./fixtures";

test("an owner invites by link; the invitee sets their own password, sees no key management, and loses access when removed", async ({
  page,
  browser,
}) => {
  await page.goto("/");
  const projectId = projectIdOf(page);
  await openSettingsSection(page, "Members");
  const members = page.getByRole("region", { name: "Members" });
  const inviteForm = members.getByRole("form", { name: "Invite a member" });
  await inviteForm.getByLabel("Email").fill("annie@liveloop.test");
  await chooseOption(page, inviteForm.getByRole("combobox", { name: "Role" }), "Annotator");
  await inviteForm.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByText("Invitation for annie@liveloop.test created")).toBeVisible();
  await expect(inviteForm.getByLabel("Email")).toHaveValue("");
  const link = (await members.getByTestId("one-time-link").textContent()) ?? "";
  // Without NEXTAUTH_URL the link is built from the URL the console was reached on.
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(members.getByRole("row", { name: /annie@liveloop.test.*Annotator/ })).toBeVisible();
  await expect(members).not.toContainText(/temporary password/i);

  const annotatorContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const annotator = await annotatorContext.newPage();
  await annotator.goto(new URL(link).pathname);
  await expect(annotator.getByRole("heading", { name: /^Join / })).toBeVisible();
  await annotator.getByLabel("Your name").fill("Annie Annotator");
  await annotator.getByLabel("New password", { exact: true }).fill("annies-own-password");
  await annotator.getByLabel("New password again").fill("annies-own-password");
  await annotator.getByRole("button", { name: "Create account and join" }).click();
  await expect(annotator.getByTestId("signed-in-as")).toHaveText("annie@liveloop.test · annotator");

  // The link worked once.
  const reused = await annotatorContext.newPage();
  await reused.goto(new URL(link).pathname);
  await expect(reused.getByText("This invitation link is invalid, expired, revoked or already used.")).toBeVisible();
  await reused.close();

  // Settings open on Members for an annotator: no API keys section, nothing to manage, and a note saying why.
  await openSettings(annotator);
  await expect(annotator.getByRole("region", { name: "Members" })).toBeVisible();
  await expect(annotator.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "API keys" })).toHaveCount(0);
  await expect(annotator.getByRole("region", { name: "Members" })).toContainText("Admins only");
  await expect(annotator.getByRole("button", { name: /Create key|Invite|Remove|Revoke|reset link/ })).toHaveCount(0);
  await annotator.goto(`/projects/${projectId}/settings/api-keys`);
  await expect(annotator.getByRole("region", { name: "API keys" })).toHaveCount(0);
  await annotator.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await annotator.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Project", exact: true }).click();
  await expect(annotator.getByLabel("Project name")).toBeDisabled();
  await expect(annotator.getByRole("button", { name: "Rename" })).toBeDisabled();
  await expect(annotator.getByRole("region", { name: "Project" })).toContainText("Admins only");
  await annotator.getByRole("combobox", { name: "Project", exact: true }).click();
  await expect(annotator.getByRole("option", { name: owner.projectName })).toBeVisible();
  await expect(annotator.getByRole("option", { name: /New project/ })).toHaveCount(0);
  await annotator.keyboard.press("Escape");

  const direct = await annotator.request.post(`/api/v1/projects/${projectId}/api-keys`, { data: { kind: "secret", name: "sneaky" } });
  expect(direct.status()).toBe(403);
  expect((await annotator.request.get(`/api/v1/projects/${projectId}/api-keys`)).status()).toBe(403);
  const invite = await annotator.request.post(`/api/v1/projects/${projectId}/invitations`, {
    data: { email: "x@liveloop.test", role: "admin" },
  });
  expect(invite.status()).toBe(403);
  expect((await annotator.request.post("/api/v1/projects", { data: { name: "My own" } })).status()).toBe(403);

  // Accepted: the pending invitation became a member.
  await page.reload();
  await expect(members.getByRole("button", { name: "Revoke invitation for annie@liveloop.test" })).toHaveCount(0);

  // Removed from their only project: every session ends at once, and signing in again fails.
  await members.getByRole("button", { name: "Remove annie@liveloop.test" }).click();
  await expect(members.getByRole("row", { name: /annie@liveloop.test/ })).toHaveCount(0);
  expect((await annotator.request.get(`/api/v1/projects/${projectId}/members`)).status()).toBe(401);
  await annotator.goto(`/projects/${projectId}`);
  await expect(annotator).toHaveURL(/\/signin$/);
  await signIn(annotator, "annie@liveloop.test", "annies-own-password");
  await expect(annotator.getByRole("alert").filter({ hasText: "Email or password is incorrect." })).toBeVisible();
  await annotatorContext.close();
});
