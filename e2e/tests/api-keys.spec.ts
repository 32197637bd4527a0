import { test, expect, openSettings, projectIdOf } from "./fixtures";

test("create public and secret keys, shown once; use them; revoke one", async ({ page, request }) => {
  await page.goto("/");
  const projectId = projectIdOf(page);
  await openSettings(page);
  const keys = page.getByRole("region", { name: "API keys" });

  await keys.getByLabel("Key name").fill("chat widget");
  await keys.getByLabel("Allowed origins").fill("http://localhost:5173");
  await keys.getByRole("button", { name: "Create key" }).click();
  const publicKey = (await page.getByTestId("new-api-key").textContent()) ?? "";
  expect(publicKey).toMatch(/^pk_/);

  await keys.getByLabel("Kind").selectOption("secret");
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

  await keys.getByRole("button", { name: "Revoke backend" }).click();
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
