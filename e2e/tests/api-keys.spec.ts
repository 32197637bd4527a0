import { test, expect, chooseOption, openSettings, projectIdOf } from "./fixtures";

test("create public and secret keys, shown once with a copy button; use them; revoke one after confirming", async ({ page, request }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  const projectId = projectIdOf(page);
  // The settings open on their API keys section.
  await openSettings(page);
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/settings/api-keys$`));
  const keys = page.getByRole("region", { name: "API keys" });

  await keys.getByLabel("Key name").fill("chat widget");
  await keys.getByLabel("Allowed origins").fill("http://localhost:5173");
  await keys.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-api-key")).toHaveText(/^pk_/);
  const publicKey = (await page.getByTestId("new-api-key").textContent()) ?? "";
  await expect(page.getByText("Key created")).toBeVisible();
  // The form is cleared for the next key.
  await expect(keys.getByLabel("Key name")).toHaveValue("");
  await keys.getByRole("button", { name: "Copy key" }).click();
  await expect(keys.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(publicKey);

  await chooseOption(page, keys.getByRole("combobox", { name: "Kind" }), "Secret (sk_)");
  await expect(keys.getByLabel("Allowed origins")).toHaveCount(0);
  await keys.getByLabel("Key name").fill("backend");
  await keys.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-api-key")).toHaveText(/^sk_/);
  const secretKey = (await page.getByTestId("new-api-key").textContent()) ?? "";

  const current = await request.get("/api/v1/projects/current", { headers: { authorization: `Bearer ${secretKey}` } });
  expect(current.status()).toBe(200);
  expect(await current.json()).toMatchObject({ id: projectId });
  const withPublic = await request.get("/api/v1/projects/current", { headers: { authorization: `Bearer ${publicKey}` } });
  expect(withPublic.status()).toBe(403);

  // After a reload the full key is gone for good; only its prefix is listed.
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await expect(keys.getByRole("row", { name: /backend/ })).toContainText(secretKey.slice(0, 11));
  await expect(keys.getByRole("row", { name: /backend/ })).not.toContainText(secretKey);
  await expect(keys.getByRole("row", { name: /backend/ })).not.toContainText("never");

  // Revoking asks first; cancelling keeps the key.
  await keys.getByRole("button", { name: "Revoke backend" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Revoke “backend”?" });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(keys.getByRole("row", { name: /backend/ })).toContainText("active");
  await keys.getByRole("button", { name: "Revoke backend" }).click();
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(keys.getByRole("row", { name: /backend/ })).toContainText("revoked");
  const revoked = await request.get("/api/v1/projects/current", { headers: { authorization: `Bearer ${secretKey}` } });
  expect(revoked.status()).toBe(401);
});

test("a key of one project cannot touch another project's data", async ({ page, request }) => {
  await page.goto("/");
  const first = projectIdOf(page);
  const other = await page.request.post("/api/v1/projects", { data: { name: "Other" } });
  const otherId = ((await other.json()) as { id: string }).id;
  const created = await page.request.post(`/api/v1/projects/${otherId}/api-keys`, { data: { kind: "secret", name: "other backend" } });
  expect(created.status()).toBe(201);
  const { key } = (await created.json()) as { key: string };
  const response = await request.get(`/api/v1/projects/${first}/members`, { headers: { authorization: `Bearer ${key}` } });
  expect(response.status()).toBe(403);
});
