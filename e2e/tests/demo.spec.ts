import type { Page } from "@playwright/test";
import { test, expect, createSecretKey } from "./fixtures";

interface StoredEvent {
  type: string;
  value: number | null;
  reasons: string[];
  comment: string | null;
}

/** Opens /demo, asks a question, waits for the streamed answer to finish and returns it with a secret key of the demo project. */
async function askDemo(page: Page, question: string) {
  await page.goto("/demo");
  await page.getByLabel("Your question").fill(question);
  await page.getByRole("button", { name: "Send" }).click();
  const answer = page.getByRole("article", { name: "Answer" }).last();
  // The feedback bar comes once the answer has streamed in (it needs the answer's trace id).
  await expect(answer.getByRole("group", { name: "Rate this answer" })).toBeVisible();
  const tracesLink = await page.getByRole("link", { name: "See the traces and feedback" }).getAttribute("href");
  const projectId = /\/projects\/([0-9a-f-]{36})\//.exec(tracesLink ?? "")?.[1] ?? "";
  const secretKey = await createSecretKey(page, projectId, `demo reader ${Date.now()}`);
  return { answer, projectId, secretKey };
}

async function feedbackOf(page: Page, secretKey: string, traceId: string): Promise<StoredEvent[]> {
  const response = await page.request.get(`/api/v1/feedback?traceId=${traceId}`, { headers: { authorization: `Bearer ${secretKey}` } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { data: StoredEvent[] }).data;
}

interface StoredTrace {
  id: string;
  sessionId: string;
  latencyMs: number | null;
  ttftMs: number | null;
}

async function latestTraces(page: Page, secretKey: string, limit: number): Promise<StoredTrace[]> {
  const response = await page.request.get(`/api/v1/traces?limit=${limit}`, { headers: { authorization: `Bearer ${secretKey}` } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { data: StoredTrace[] }).data;
}

async function traceIdOfLatestAnswer(page: Page, projectId: string, secretKey: string): Promise<string> {
  const response = await page.request.get(`/api/v1/traces?limit=1`, { headers: { authorization: `Bearer ${secretKey}` } });
  const { data } = (await response.json()) as { data: { id: string; sessionId: string }[] };
  expect(data[0], `a trace in project ${projectId}`).toBeDefined();
  return data[0]?.id ?? "";
}

test("the demo chat answers, records a trace, and stores thumbs-down with a reason and a comment exactly once", async ({ page }) => {
  const { answer, projectId, secretKey } = await askDemo(page, "How do I reset my password?");
  await expect(answer).toContainText("account system");
  const traceId = await traceIdOfLatestAnswer(page, projectId, secretKey);

  await answer.getByRole("button", { name: "Not helpful" }).click();
  await answer.getByRole("button", { name: "Not what I asked" }).click();
  await answer.getByLabel("Tell us more (optional)").fill("It never says how to reset the password.");
  await answer.getByRole("button", { name: "Send feedback" }).click();
  await expect(answer.getByRole("status")).toHaveText("Thanks for your feedback");

  await expect
    .poll(async () => (await feedbackOf(page, secretKey, traceId)).map((event) => event.type).sort(), { timeout: 15_000 })
    .toEqual(["comment", "reasons", "thumb"]);
  const stored = await feedbackOf(page, secretKey, traceId);
  expect(stored.find((event) => event.type === "thumb")?.value).toBe(-1);
  expect(stored.find((event) => event.type === "reasons")?.reasons).toEqual(["off_topic"]);
  expect(stored.find((event) => event.type === "comment")?.comment).toBe("It never says how to reset the password.");

  // Leaving the page hands the (now empty) queue to a beacon; a reload must not store anything twice.
  await page.reload();
  await expect(page.getByLabel("Your question")).toBeVisible();
  expect(await feedbackOf(page, secretKey, traceId)).toHaveLength(3);
});

test("feedback given while offline is kept and delivered once the browser is back online", async ({ page, context }) => {
  const { answer, projectId, secretKey } = await askDemo(page, "When is the store open?");
  const traceId = await traceIdOfLatestAnswer(page, projectId, secretKey);

  await context.setOffline(true);
  await answer.getByRole("button", { name: "3 of 5 stars" }).click();
  await answer.getByRole("button", { name: "Not helpful" }).click();
  await answer.getByRole("button", { name: "Incomplete" }).click();
  await answer.getByRole("button", { name: "Send feedback" }).click();
  // Queued in the page's storage, not sent.
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("liveloop:queue:")).length)).toBe(1);
  expect(await feedbackOf(page, secretKey, traceId)).toEqual([]);

  await context.setOffline(false);
  await expect
    .poll(async () => (await feedbackOf(page, secretKey, traceId)).map((event) => event.type).sort(), { timeout: 15_000 })
    .toEqual(["rating", "reasons", "thumb"]);
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("liveloop:queue:")).length)).toBe(0);
});

test("feedback shows in the console: the trace, the negative-feedback filter, the session and the metrics", async ({ page }) => {
  const { answer, projectId, secretKey } = await askDemo(page, "Do you accept PayPal?");
  const traceId = await traceIdOfLatestAnswer(page, projectId, secretKey);
  await answer.getByRole("button", { name: "Not helpful" }).click();
  await answer.getByLabel("Tell us more (optional)").fill("I wanted to know about gift cards.");
  await answer.getByRole("button", { name: "Send feedback" }).click();
  await expect.poll(async () => (await feedbackOf(page, secretKey, traceId)).length, { timeout: 15_000 }).toBe(2);

  await page.goto(`/projects/${projectId}/traces/${traceId}`);
  await expect(page.getByText("I wanted to know about gift cards.")).toBeVisible();

  // The negative-feedback filter, by its URL (the filter bar is the traces page's business).
  await page.goto(`/projects/${projectId}/traces?feedback=negative`);
  const listed = page.getByRole("link", { name: "demo chat" });
  await expect(listed.first()).toBeVisible();
  const hrefs = await listed.evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  expect(hrefs).toContain(`/projects/${projectId}/traces/${traceId}`);

  await page.goto(`/projects/${projectId}/metrics?range=1h`);
  const totals = page.getByRole("region", { name: "Totals" });
  await expect(totals.getByText("Thumbs-down rate")).toBeVisible();
  await expect(totals.getByText("Negative-feedback rate")).toBeVisible();
});

test("a thumbs-up is thanked, and the report dialog makes the visitor choose a category", async ({ page }) => {
  const { answer, projectId, secretKey } = await askDemo(page, "How long does delivery take?");
  const traceId = await traceIdOfLatestAnswer(page, projectId, secretKey);

  await answer.getByRole("button", { name: "Helpful", exact: true }).click();
  await expect(answer.getByRole("button", { name: "Helpful", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(answer.getByRole("status")).toHaveText("Thanks for your feedback");

  await answer.getByRole("button", { name: "Report an issue" }).click();
  const dialog = page.getByRole("dialog", { name: "Report an issue with this answer" });
  await expect(dialog.getByLabel("Category")).toHaveValue("");
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(dialog.getByText("Choose a category before sending the report.")).toBeVisible();
  await dialog.getByLabel("Category").selectOption({ label: "Factually wrong" });
  await dialog.getByLabel("What happened?").fill("Express is 12 EUR now.");
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(dialog).toBeHidden();
  await expect(answer.getByRole("status")).toHaveText("Report sent");

  await expect
    .poll(async () => (await feedbackOf(page, secretKey, traceId)).map((event) => event.type).sort(), { timeout: 15_000 })
    .toEqual(["report", "thumb"]);
});

test("answers stream in with a model's latency, and Regenerate replaces the answer instead of asking again", async ({ page }) => {
  const { answer, secretKey } = await askDemo(page, "Where is my parcel?");
  await expect(answer).toContainText("tracking link");
  const [first] = await latestTraces(page, secretKey, 1);
  // Traced as a hosted model's answer: a first token after a few hundred ms, then the rest.
  expect(first?.ttftMs).toBeGreaterThanOrEqual(250);
  expect(first?.latencyMs).toBeGreaterThan(first?.ttftMs ?? 0);

  await answer.getByRole("button", { name: "Regenerate" }).click();
  await expect(answer.getByRole("group", { name: "Rate this answer" })).toBeVisible();
  await expect(page.getByRole("article", { name: "Answer" })).toHaveCount(1);
  await expect(page.getByText("Where is my parcel?", { exact: true })).toHaveCount(1);
  const [second] = await latestTraces(page, secretKey, 1);
  expect(second?.id).not.toBe(first?.id);
  const response = await page.request.get(`/api/v1/traces/${second?.id ?? ""}`, { headers: { authorization: `Bearer ${secretKey}` } });
  expect(((await response.json()) as { metadata: { regenerateOf?: string } }).metadata.regenerateOf).toBe(first?.id);
});

test("without LIVELOOP_PUBLIC_DEMO, /demo and its API are for signed-in people only", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/demo");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdemo|\/signin\?callbackUrl=\/demo/);
  const response = await page.request.post("/api/demo/chat", { data: { sessionId: "s-1", message: "Hello" } });
  expect(response.status()).toBe(401);
  await context.close();
});
