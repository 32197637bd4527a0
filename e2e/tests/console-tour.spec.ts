import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Browser, BrowserContextOptions, Page, TestInfo } from "@playwright/test";
import { test, expect } from "./fixtures";
import { createTourProject, type TourProject } from "./tourData";

/**
 * Walks every console page as its users see it: light and dark, on a laptop (1366x768) and
 * a desktop screen (1920x1080). Each view is saved as a screenshot artefact
 * (test-results/.../<page>-<theme>-<size>.png) and checked with axe: no serious or critical
 * accessibility violation, no script error, no blocked inline script (CSP).
 */

const themes = ["light", "dark"] as const;
const screens = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

interface TourStop {
  name: string;
  path: (tour: TourProject) => string;
  /** What the page must show once loaded (its main heading, usually). */
  ready: (page: Page) => Promise<void>;
  signedOut?: boolean;
}

const heading = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
};

const stops: TourStop[] = [
  { name: "overview", path: (t) => `/projects/${t.projectId}`, ready: heading(/Tour/) },
  {
    name: "traces",
    path: (t) => `/projects/${t.projectId}/traces`,
    // With the tour's four score columns (the most the list shows) every column still fits: nothing scrolls sideways.
    ready: async (page) => {
      await heading("Traces")(page);
      const table = page.getByRole("table");
      await expect(table.getByRole("columnheader", { name: "Hallucination" })).toBeVisible();
      const hiddenWidth = await table.evaluate((element) => {
        let scroller = element.parentElement;
        while (scroller && !/auto|scroll/.test(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
        return scroller ? scroller.scrollWidth - scroller.clientWidth : 0;
      });
      expect(hiddenWidth).toBe(0);
    },
  },
  { name: "trace", path: (t) => `/projects/${t.projectId}/traces/${encodeURIComponent(t.traceId)}`, ready: heading(/support-chat|Trace/) },
  {
    name: "trace-tool-calls",
    path: (t) => `/projects/${t.projectId}/traces/${encodeURIComponent(t.toolTraceId)}`,
    // The tool call reads as its function and arguments, the result names the call it answers.
    ready: async (page) => {
      const input = page.getByRole("region", { name: "Input" });
      await expect(input.getByRole("list", { name: "Tool calls" })).toContainText("lookup_order");
      await expect(input.getByLabel("Arguments of lookup_order")).toContainText('"order_id": "10482"');
      await expect(input).toContainText("Result of");
    },
  },
  { name: "sessions", path: (t) => `/projects/${t.projectId}/sessions`, ready: heading("Sessions") },
  { name: "session", path: (t) => `/projects/${t.projectId}/sessions/${encodeURIComponent(t.sessionId)}`, ready: heading(/Session/) },
  { name: "metrics", path: (t) => `/projects/${t.projectId}/metrics`, ready: heading("Metrics") },
  // The tour's two releases, side by side once the rollup job has counted them (or the page saying two are needed).
  { name: "releases", path: (t) => `/projects/${t.projectId}/releases`, ready: heading("Releases") },
  { name: "review-queue", path: (t) => `/projects/${t.projectId}/review`, ready: heading(/Review/) },
  { name: "review-done", path: (t) => `/projects/${t.projectId}/review?status=done`, ready: heading(/Review/) },
  {
    name: "review-item",
    path: (t) => `/projects/${t.projectId}/review/${t.reviewItemId}`,
    // The label form and its Save button are on screen without scrolling, at both sizes.
    ready: async (page) => {
      // The complaint under review is the turn that called a tool: shown as the call and its result.
      const conversation = page.getByRole("region", { name: "Conversation" });
      await expect(conversation.getByRole("list", { name: "Tool calls" })).toContainText("lookup_order");
      await expect(conversation.getByLabel("Arguments of lookup_order")).toContainText('"include": [');
      await expect(conversation).toContainText("Result of");
      const form = page.getByRole("form", { name: "Label this answer" });
      await expect(form).toBeInViewport();
      await expect(form.getByRole("button", { name: /Save/ })).toBeInViewport();
    },
  },
  { name: "agreement", path: (t) => `/projects/${t.projectId}/review/agreement`, ready: heading(/agreement/i) },
  { name: "datasets", path: (t) => `/projects/${t.projectId}/datasets`, ready: heading("Datasets") },
  ...["api-keys", "members", "project", "privacy", "review", "model-prices", "feedback-tokens", "evaluators", "jobs"].map((section) => ({
    name: `settings-${section}`,
    path: (t: TourProject) => `/projects/${t.projectId}/settings/${section}`,
    ready: heading(/Settings/),
  })),
  { name: "account", path: () => "/account", ready: heading(/account/i) },
  { name: "new-project", path: () => "/projects/new", ready: heading(/project/i) },
  { name: "demo", path: () => "/demo", ready: heading(/.+/) },
  { name: "unknown-trace", path: (t) => `/projects/${t.projectId}/traces/no-such-trace`, ready: heading(/not found/i) },
  { name: "unknown-page", path: () => "/no-such-page", ready: heading(/not found/i) },
  { name: "sign-in", path: () => "/signin", ready: heading(/Sign in/i), signedOut: true },
];

let tour: TourProject;

const longExplanation =
  "Two of the answer's three sentences are supported by the retrieved return policy. " +
  "The claim that refunds go to the original payment method appears in no passage: " +
  "the policy retrieved only covers store credit for sale items, and the answer adds a detail the sources never state. ".repeat(4);

/**
 * Scores from the application's own evaluators on every tour trace, as the scores API takes
 * them: relevance spread over 0..1, a PII leak on a few, hallucination with explanations.
 */
async function addTourScores(request: APIRequestContext, projectId: string, explainedTraceId: string): Promise<void> {
  const keyResponse = await request.post(`/api/v1/projects/${projectId}/api-keys`, { data: { kind: "secret", name: "tour scores" } });
  expect(keyResponse.status()).toBe(201);
  const headers = { authorization: `Bearer ${((await keyResponse.json()) as { key: string }).key}` };
  const listed = await request.get("/api/v1/traces?limit=200", { headers });
  const ids = ((await listed.json()) as { data: { id: string }[] }).data.map((trace) => trace.id);
  expect(ids.length).toBeGreaterThan(0);
  const scores = ids.flatMap((traceId, index) => [
    { traceId, name: "relevance", value: Math.round((0.15 + ((index * 37) % 85) / 100) * 100) / 100 },
    { traceId, name: "pii_leak", value: index % 7 === 3 },
    ...(index % 2 === 0 || traceId === explainedTraceId
      ? [
          {
            traceId,
            name: "hallucination",
            value: traceId === explainedTraceId ? 0.67 : (index % 5) / 10,
            comment: traceId === explainedTraceId ? longExplanation : "Every sentence is supported by a retrieved passage.",
          },
        ]
      : []),
  ]);
  const stored = await request.post("/api/v1/scores", { headers, data: { scores } });
  expect(stored.status(), await stored.text()).toBe(200);
  // Metrics read rollups, which the rollup job (every 30 s) builds: the tour waits for them.
  await expect
    .poll(
      async () => {
        const metrics = await request.get("/api/v1/metrics/scores?range=24h&name=relevance", { headers });
        return ((await metrics.json()) as { score: { totals: { count: number } } | null }).score?.totals.count ?? 0;
      },
      { timeout: 60_000 },
    )
    .toBe(ids.length);
}

test.beforeAll(async ({ playwright }, testInfo) => {
  // Seeding waits for the review routing and rollup jobs (every 10 and 30 s).
  test.setTimeout(120_000);
  const request = await playwright.request.newContext({
    baseURL: testInfo.project.use.baseURL,
    storageState: testInfo.project.use.storageState as string,
  });
  tour = await createTourProject(request, `Tour ${Date.now()}`);
  await addTourScores(request, tour.projectId, tour.traceId);
  await request.dispose();
});

async function visit(browser: Browser, testInfo: TestInfo, stop: TourStop, options: BrowserContextOptions) {
  const context = await browser.newContext({
    ...options,
    ...(stop.signedOut ? { storageState: { cookies: [], origins: [] } } : { storageState: testInfo.project.use.storageState as string }),
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`script error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|hydrat/i.test(message.text())) problems.push(message.text());
  });
  await page.goto(stop.path(tour));
  await stop.ready(page);
  await page.waitForLoadState("networkidle");
  return { context, page, problems };
}

for (const stop of stops) {
  test(`tour: ${stop.name}`, async ({ browser }, testInfo) => {
    // Four page loads and two axe runs: the metrics page's dozen charts need more than the default 30 s on a busy machine.
    test.setTimeout(90_000);
    for (const theme of themes) {
      for (const screen of screens) {
        const { context, page, problems } = await visit(browser, testInfo, stop, { viewport: screen, colorScheme: theme });
        const file = `${stop.name}-${theme}-${screen.width}x${screen.height}.png`;
        await page.screenshot({ path: testInfo.outputPath(file) });
        await testInfo.attach(file, { path: testInfo.outputPath(file), contentType: "image/png" });
        // The page really is in the asked-for theme (next-themes follows the system's choice).
        await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${theme}\\b`));
        if (screen.width === 1366) {
          const results = await new AxeBuilder({ page }).analyze();
          const serious = results.violations
            .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
            .map(
              (violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
            );
          expect(serious, `${stop.name} in the ${theme} theme`).toEqual([]);
        }
        expect(problems, `${stop.name} in the ${theme} theme`).toEqual([]);
        await context.close();
      }
    }
  });
}

test("an unknown trace shows its 404 inside the console, with the way back", async ({ page }) => {
  await page.goto(`/projects/${tour.projectId}/traces/no-such-trace`);
  await expect(page.getByRole("heading", { level: 1, name: "Trace not found" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the traces" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${tour.projectId}/traces$`));
});

test("scores show in the trace view, as trace-list columns and filters, and on the metrics page", async ({ page }, testInfo) => {
  await page.goto(`/projects/${tour.projectId}/traces/${encodeURIComponent(tour.traceId)}`);
  const scores = page.getByRole("region", { name: "Scores" });
  await expect(scores.getByRole("rowheader", { name: /Hallucination/ })).toBeVisible();
  await scores.screenshot({ path: testInfo.outputPath("trace-scores-folded.png") });
  await scores.getByRole("button", { name: /Show all/ }).click();
  await expect(scores).toContainText("adds a detail the sources never state");

  await page.goto(`/projects/${tour.projectId}/traces?score=${encodeURIComponent("pii_leak = true")}`);
  await expect(page.getByRole("columnheader", { name: "PII leak" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Relevance" })).toBeVisible();
  const rows = page.getByRole("table").getByRole("row");
  // pii_leak is true on every seventh trace (3, 10, 17): a header row and three traces.
  await expect(rows).toHaveCount(4);

  await page.goto(`/projects/${tour.projectId}/metrics?name=relevance`);
  const chart = page.getByRole("region", { name: "Scores" });
  await expect(chart).toContainText("Relevance: higher is better");
  await expect(chart.getByRole("region", { name: "Relevance: average" })).toBeVisible();
  await expect(chart.getByRole("region", { name: "Relevance: Share ≤ 0.20" })).toBeVisible();
  // The Scores part sits below the fold of the tour's screenshots: kept on its own, in both themes.
  for (const theme of themes) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator("html")).toHaveClass(new RegExp(`\\b${theme}\\b`));
    await chart.screenshot({ path: testInfo.outputPath(`metrics-scores-${theme}.png`) });
  }
});

test("the console has a favicon", async ({ page, request }) => {
  await page.goto(`/projects/${tour.projectId}`);
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  const icon = await request.get(href ?? "");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});
