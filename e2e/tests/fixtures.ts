import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContext, type Locator, type Page, type TestInfo } from "@playwright/test";

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

/** Opens the settings from the main navigation: they land on the first section the role may see (API keys for admins). */
export async function openSettings(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
}

/** Opens one settings section ("Members", "Model prices", ...) from the settings' section tabs. */
export async function openSettingsSection(page: Page, title: string): Promise<void> {
  await openSettings(page);
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("region", { name: title })).toBeVisible();
}

/** Picks an option of a Radix Select (a button with role combobox, its options in a popup). */
export async function chooseOption(page: Page, combobox: Locator, option: string): Promise<void> {
  await combobox.click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** A project of the signed-in owner's own, so a test's traffic and rules meet nobody else's. */
export async function newProject(page: Page, name: string): Promise<string> {
  await page.goto("/");
  const created = await page.request.post("/api/v1/projects", { data: { name: `${name} ${Date.now()}` } });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/** Creates a secret key for a project through the console's API (as its signed-in owner). */
export async function createSecretKey(page: Page, projectId: string, name: string): Promise<string> {
  const created = await page.request.post(`/api/v1/projects/${projectId}/api-keys`, { data: { kind: "secret", name } });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { key: string }).key;
}

/** Sends traces with a secret key, in batches the API takes (each stored whole). */
export async function sendTraces(page: Page, secretKey: string, traces: object[]): Promise<void> {
  for (let i = 0; i < traces.length; i += 400) {
    const sent = await page.request.post("/api/v1/traces", {
      headers: { authorization: `Bearer ${secretKey}` },
      data: { traces: traces.slice(i, i + 400) },
    });
    expect(sent.status()).toBe(200);
  }
}

/** Invites `email` to the project as the signed-in `page` (an owner or admin) and returns the single-use link. */
export async function inviteByApi(page: Page, projectId: string, email: string, role: string): Promise<string> {
  const created = await page.request.post(`/api/v1/projects/${projectId}/invitations`, { data: { email, role } });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { link: string }).link;
}

/**
 * The invitee's side: opens the link in a browser of their own, chooses a name and a
 * password, and lands in the project signed in.
 */
export async function joinThroughLink(browser: Browser, link: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto(new URL(link).pathname);
  await page.getByLabel("Your name").fill("Invited Person");
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("New password again").fill(password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  return { context, page };
}

/**
 * Saves the page in both themes (the console follows the system's) and checks axe finds
 * nothing serious in either; `fullPage` shoots below the fold too.
 */
export async function shootBothThemes(page: Page, testInfo: TestInfo, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  for (const theme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${theme}\\b`));
    const file = `${name}-${theme}-1366x768.png`;
    await page.screenshot({ path: testInfo.outputPath(file), fullPage: options.fullPage ?? false });
    await testInfo.attach(file, { path: testInfo.outputPath(file), contentType: "image/png" });
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
    expect(serious, `${name} in the ${theme} theme`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

export const test = base;
export { expect };
