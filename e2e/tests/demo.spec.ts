import type { Page } from "@playwright/test";
import { test, expect, createSecretKey } from "./fixtures";

interface StoredEvent {
  type: string;
  value: number | null;
  reasons: string[];
  comment: string | null;
}

/** Opens /demo, asks a question and returns the answer's trace id and a secret key of the demo project. */
async function askDemo(page: Page, question: string) {
  await page.goto("/demo");
  await page.getByLabel("Your question").fill(question);
  await page.getByRole("button", { name: "Send" }).click();
  const answer = page.getByRole("article", { name: "Answer" }).last();
  await expect(answer).toBeVisible();
  const tracesLink = await page.getByRole("link", { name: "See the traces and feedback →" }).getAttribute("href");
  const projectId = /\/projects\/([0-9a-f-]{36})\//.exec(tracesLink ?? "")?.[1] ?? "";
  const secretKey = await createSecretKey(page, projectId, `demo reader ${Date.now()}`);
  return { answer, projectId, secretKey };
}

async function feedbackOf(page: Page, secretKey: string, traceId: string): Promise<StoredEvent[]> {
  const response = await page.request.get(`/api/v1/feedback?traceId=${traceId}`, { headers: { authorization: `Bearer ${secretKey}` } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { data: StoredEvent[] }).data;
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
  const feedback = page.getByRole("list", { name: "Feedback events" });
  await expect(feedback).toContainText("👎 Thumbs down");
  await expect(feedback).toContainText("I wanted to know about gift cards.");

  await page.goto(`/projects/${projectId}/traces`);
  await page.getByLabel("Feedback").selectOption("negative");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/feedback=negative/);
  const listed = page.getByRole("link", { name: "demo chat" });
  await expect(listed.first()).toBeVisible();
  const hrefs = await listed.evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  expect(hrefs).toContain(`/projects/${projectId}/traces/${traceId}`);

  await page.goto(`/projects/${projectId}/metrics?range=1h`);
  const totals = page.getByRole("region", { name: "Totals" });
  await expect(totals.getByText("Thumbs-down rate")).toBeVisible();
  await expect(totals.getByText("Negative-feedback rate")).toBeVisible();
});
