import type { ConsoleMessage, Page } from "@playwright/test";
import { test, expect, owner, projectIdOf, signIn } from "./fixtures";

/** Console messages in which the browser reports blocking something under the page's CSP. */
function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("console pages run only their own nonce'd scripts, forbid framing, plugins, foreign <base> and form targets, and still work", async ({
  page,
}) => {
  const violations = cspViolations(page);
  const response = await page.goto("/");
  const headers = response?.headers() ?? {};
  const policy = headers["content-security-policy"] ?? "";
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
    expect(policy).toContain(directive);
  }
  // Scripts run only with this response's nonce, which Next put on its own scripts.
  const nonce = /script-src 'self' 'nonce-([^']+)' 'strict-dynamic'/.exec(policy)?.[1] ?? "";
  expect(nonce).not.toBe("");
  // Every script the server sent carries it (chunks the runtime adds later are trusted through 'strict-dynamic').
  const scriptTags = (await response?.text())?.match(/<script\b[^>]*>/g) ?? [];
  expect(scriptTags.length).toBeGreaterThan(0);
  expect(scriptTags.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");

  // Client-side code runs: navigation and a settings page render.
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("sign-in works under the policy", async ({ page }) => {
    const violations = cspViolations(page);
    const response = await page.goto("/signin");
    expect(response?.headers()["content-security-policy"]).toMatch(
      /script-src 'self' 'nonce-[^']+' 'strict-dynamic'.*frame-ancestors 'none'/,
    );
    await signIn(page, owner.email, owner.password);
    await expect(page.getByTestId("signed-in-as")).toContainText(owner.email);
    expect(violations).toEqual([]);
  });
});

test("the demo page runs the widget under its policy", async ({ page }) => {
  const violations = cspViolations(page);
  const response = await page.goto("/demo");
  expect(response?.headers()["x-frame-options"]).toBe("DENY");
  expect(response?.headers()["content-security-policy"]).toContain("'strict-dynamic'");
  await page.getByLabel("Your question").fill("Where is my parcel?");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("article", { name: "Answer" }).last().getByRole("button", { name: "Not helpful" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("/widget.js loads from other origins; API answers are nosniff", async ({ request }) => {
  const script = await request.get("/widget.js", { headers: { origin: "https://shop.example.test" } });
  expect(script.status()).toBe(200);
  expect(script.headers()["access-control-allow-origin"]).toBe("*");
  expect(script.headers()["cross-origin-resource-policy"]).toBe("cross-origin");
  expect(script.headers()["x-content-type-options"]).toBe("nosniff");
  expect(script.headers()["x-frame-options"]).toBeUndefined();
  expect(script.headers()["content-type"]).toMatch(/javascript/);

  const health = await request.get("/api/v1/health");
  expect(health.headers()["x-content-type-options"]).toBe("nosniff");
  expect(health.headers()["content-security-policy"]).toBeUndefined();
  // The lean ingest path answers before Next: its answers are nosniff too.
  const ingest = await request.post("/api/v1/feedback", { data: { events: [] } });
  expect(ingest.headers()["x-content-type-options"]).toBe("nosniff");
});

test("a session route refuses another scheme or port, Origin: null and a malformed Origin, and form bodies, against the real server", async ({
  page,
  baseURL,
}) => {
  await page.goto("/");
  const projectId = projectIdOf(page);
  const own = new URL(baseURL ?? "");
  const projects = (await (await page.request.get("/api/v1/projects")).json()) as { data: { id: string; name: string }[] };
  // Renames the project to the name it has: a state change that changes nothing.
  const name = projects.data.find((project) => project.id === projectId)?.name ?? "";
  const rename = (headers: Record<string, string>, data: string = JSON.stringify({ name })) =>
    page.request.patch(`/api/v1/projects/${projectId}`, { headers: { "content-type": "application/json", ...headers }, data });
  const otherPort = `${own.protocol}//${own.hostname}:${Number(own.port) + 1}`;
  for (const origin of [`https://${own.host}`, otherPort, "null", "not a url"]) {
    const refused = await rename({ origin });
    expect([origin, refused.status()]).toEqual([origin, 403]);
  }
  const form = await rename({ origin: own.origin, "content-type": "application/x-www-form-urlencoded" }, "name=x");
  expect(form.status()).toBe(415);
  // The request's own origin as the browser sees it (127.0.0.1, not the localhost Next was started with).
  expect((await rename({ origin: own.origin })).status()).toBe(200);
});
