import { test as base, expect, type Page } from "@playwright/test";

export const owner = { name: "Olivia Owner", email: "owner@liveloop.test", password: "owner-password-1", projectName: "Support assistant" };

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** The id of the project the page is showing, read from its URL. */
export function projectIdOf(page: Page): string {
  const match = /\/projects\/([0-9a-f-]{36})/.exec(page.url());
  if (!match?.[1]) throw new Error(`Not on a project page: ${page.url()}`);
  return match[1];
}

export async function openSettings(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
}

/** Creates a secret key for a project through the console's API (as its signed-in owner). */
export async function createSecretKey(page: Page, projectId: string, name: string): Promise<string> {
  const created = await page.request.post(`/api/v1/projects/${projectId}/api-keys`, { data: { kind: "secret", name } });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { key: string }).key;
}

export const test = base;
export { expect };
