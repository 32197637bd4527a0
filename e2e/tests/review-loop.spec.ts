import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect, createSecretKey, inviteByApi, joinThroughLink } from "./fixtures";

interface ReviewItem {
  id: string;
  traceId: string;
  status: string;
  reasons: string[];
  annotations: { category: string | null; decision: string }[];
}

// The annotator's laptop: the label form must be usable without scrolling at this size.
test.use({ viewport: { width: 1366, height: 768 } });

/** The serious and critical accessibility violations axe finds in the page's main content, by rule and target. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).include("main").analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

test("thumbs-down on the demo becomes a review item, an annotator corrects it from the keyboard, an owner publishes, and every export parses", async ({
  page,
  browser,
}) => {
  // Three people in turn (end user, annotator, owner), a publish and four exports: this one
  // journey ran past the default 30 s on a busy two-core machine.
  test.slow();
  // The end user: a thumbs-down with a reason on the demo chat.
  await page.goto("/demo");
  await page.getByLabel("Your question").fill("Can I pay with a gift card?");
  await page.getByRole("button", { name: "Send" }).click();
  const answer = page.getByRole("article", { name: "Answer" }).last();
  await answer.getByRole("button", { name: "Not helpful" }).click();
  await answer.getByRole("button", { name: "Not what I asked" }).click();
  await answer.getByRole("button", { name: "Send feedback" }).click();
  await expect(answer.getByRole("status")).toHaveText("Thanks for your feedback");

  const tracesHref = (await page.getByRole("link", { name: "See the traces and feedback" }).getAttribute("href")) ?? "";
  const projectId = /\/projects\/([0-9a-f-]{36})\//.exec(tracesHref)?.[1] ?? "";
  const secretKey = await createSecretKey(page, projectId, `review loop ${Date.now()}`);
  const auth = { authorization: `Bearer ${secretKey}` };
  const traces = (await (await page.request.get("/api/v1/traces?limit=1", { headers: auth })).json()) as { data: { id: string }[] };
  const traceId = traces.data[0]?.id ?? "";
  const itemOf = async () =>
    ((await (await page.request.get(`/api/v1/review-items?traceId=${traceId}`, { headers: auth })).json()) as { data: ReviewItem[] })
      .data[0];
  await expect.poll(async () => (await itemOf())?.reasons, { timeout: 20_000 }).toEqual(["thumbs_down"]);

  // The annotator, in a browser of their own.
  const member = { email: `rita-${Date.now()}@liveloop.test` };
  const invitation = await inviteByApi(page, projectId, member.email, "annotator");
  const { context: annotatorContext, page: annotator } = await joinThroughLink(browser, invitation, "rita-password-1");
  await expect(annotator.getByTestId("signed-in-as")).toHaveText(`${member.email} · annotator`);
  await annotator.goto(`/projects/${projectId}/review`);
  // The queue row shows the question, the feedback in words and a readable priority, not keys or numbers.
  const row = annotator
    .getByRole("table", { name: "Review items" })
    .getByRole("row")
    .filter({ hasText: "Can I pay with a gift card?" })
    .first();
  await expect(row).toContainText("Thumbs down");
  await expect(row).toContainText("Not what I asked");
  await expect(row).toContainText("High");
  await expect(row).not.toContainText("off_topic");
  await expect(annotator.getByText("Left in queue")).toBeVisible();
  expect(await seriousViolations(annotator)).toEqual([]);
  // Work the queue until our item comes up (earlier tests left other thumbs-downs in it): skip the others.
  await annotator.getByRole("button", { name: "Start reviewing" }).click();
  const ourItemId = (await itemOf())?.id ?? "";
  for (let guard = 0; guard < 30 && !annotator.url().endsWith(ourItemId); guard++) {
    await expect(annotator.getByRole("form", { name: "Label this answer" })).toBeVisible();
    const current = annotator.url();
    if (current.endsWith(ourItemId)) break;
    await annotator.keyboard.press("s");
    await expect(annotator).not.toHaveURL(current);
  }
  await expect(annotator).toHaveURL(new RegExp(`/review/${ourItemId}$`));
  const form = annotator.getByRole("form", { name: "Label this answer" });
  await expect(form).toBeVisible();
  await expect(annotator.getByRole("region", { name: "Conversation" })).toContainText("Can I pay with a gift card?");
  await expect(annotator.getByRole("region", { name: "What the user said" })).toContainText("Not what I asked");
  // Side by side: the form and its save button are on screen as the page opens, no scrolling.
  await expect(form.getByRole("radio", { name: /Misinterpretation/ })).toBeInViewport();
  await expect(form.getByRole("button", { name: /Save and next/ })).toBeInViewport();
  expect(await seriousViolations(annotator)).toEqual([]);
  // The same in the dark theme (the console follows the system's by default).
  await annotator.emulateMedia({ colorScheme: "dark" });
  await expect(annotator.locator("html")).toHaveClass(/\bdark\b/);
  expect(await seriousViolations(annotator)).toEqual([]);
  await annotator.emulateMedia({ colorScheme: "light" });

  await annotator.keyboard.press("?");
  await expect(annotator.getByRole("definition").filter({ hasText: "save and open the next item" })).toBeVisible();
  await annotator.keyboard.press("2");
  await expect(form.getByRole("radio", { name: /Misinterpretation/ })).toBeChecked();
  await annotator.keyboard.press("g");
  await expect(form.getByRole("radio", { name: /Good example/ })).toBeChecked();
  await annotator.keyboard.press("e");
  const editor = annotator.getByLabel(/Corrected response/);
  await expect(editor).toBeFocused();
  await expect(form.getByRole("radio", { name: /Corrected failure/ })).toBeChecked();
  // The caret lands after the answer's text, ready to add to it.
  const caret = await editor.evaluate((node: HTMLTextAreaElement) => ({
    start: node.selectionStart,
    end: node.selectionEnd,
    length: node.value.length,
  }));
  expect(caret.length).toBeGreaterThan(0);
  expect(caret).toEqual({ start: caret.length, end: caret.length, length: caret.length });
  await annotator.keyboard.press("ControlOrMeta+a");
  await annotator.keyboard.type("Gift cards are not accepted online yet; you can use them in the Berlin store.");
  await annotator.keyboard.press("Control+Enter");
  await expect(annotator.getByText("Saved: Corrected failure · Misinterpretation")).toBeVisible();
  await expect(annotator).not.toHaveURL(new RegExp(`/review/${ourItemId}$`));
  await expect.poll(async () => (await itemOf())?.status, { timeout: 15_000 }).toBe("done");
  expect((await itemOf())?.annotations).toMatchObject([{ category: "misinterpretation", decision: "corrected_failure" }]);
  await annotatorContext.close();

  // The owner publishes version 1 of the golden dataset.
  await page.goto(`/projects/${projectId}/datasets`);
  const golden = page.getByRole("region", { name: "Dataset golden" });
  // Opens the working items (again, if a click before hydration was lost) and finds the correction there.
  const workingItems = golden.getByRole("table", { name: "Items of golden" });
  await expect(async () => {
    if (!(await workingItems.isVisible())) await golden.getByText(/Working items/).click();
    await expect(workingItems).toContainText("Gift cards are not accepted online yet; you can use them in the Berlin store.", {
      timeout: 2_000,
    });
  }).toPass();
  await golden.getByRole("button", { name: "Publish new version of golden" }).click();
  await page.getByRole("alertdialog", { name: "Publish version 1 of golden?" }).getByRole("button", { name: "Publish version 1" }).click();
  await expect(golden.getByRole("table", { name: "Versions of golden" }).getByRole("row")).toHaveCount(2);
  await golden.getByRole("button", { name: "Export jsonl" }).click();
  await expect(golden.getByRole("status")).toContainText("golden-v1-jsonl.jsonl");

  // Every export downloads and parses in its documented shape.
  const exportOf = async (format: string) => {
    const response = await page.request.get(`/api/v1/datasets/golden/export?format=${format}&version=1`, { headers: auth });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-disposition"]).toContain(`golden-v1-${format}`);
    return response.text();
  };
  const lines = (text: string) =>
    text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const openai = lines(await exportOf("openai"));
  expect(openai.length).toBeGreaterThanOrEqual(1);
  for (const line of openai) {
    const messages = line.messages as { role: string; content: string }[];
    expect(messages.at(-1)?.role).toBe("assistant");
  }
  expect(openai.map((line) => (line.messages as { content: string }[]).at(-1)?.content)).toContain(
    "Gift cards are not accepted online yet; you can use them in the Berlin store.",
  );
  for (const line of lines(await exportOf("dpo"))) {
    expect(Object.keys(line).sort()).toEqual(["chosen", "prompt", "rejected"]);
  }
  const jsonl = lines(await exportOf("jsonl"));
  expect(jsonl.find((line) => (line.provenance as { traceId?: string } | null)?.traceId === traceId)).toMatchObject({
    version: 1,
    category: "misinterpretation",
    rejectedOutput: expect.any(String),
  });
  const csv = (await exportOf("csv")).split("\r\n").filter(Boolean);
  expect(csv[0]).toBe("id,split,input,expected_output,rejected_output,category,severity,metadata,provenance");
  expect(csv.length).toBe(jsonl.length + 1);
});

test("a viewer cannot annotate, and an unknown dataset, version or format is refused", async ({ page, browser }) => {
  await page.goto("/");
  const projectId = /\/projects\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? "";
  const member = { email: `vic-${Date.now()}@liveloop.test` };
  const invitation = await inviteByApi(page, projectId, member.email, "viewer");
  const { context: viewerContext, page: viewer } = await joinThroughLink(browser, invitation, "vic-password-1");
  await expect(viewer.getByTestId("signed-in-as")).toHaveText(`${member.email} · viewer`);
  const annotation = { category: "other", severity: "low", decision: "dismiss" };
  const itemPath = `/api/v1/projects/${projectId}/review-items/00000000-0000-4000-8000-000000000000`;
  expect((await viewer.request.put(`${itemPath}/annotation`, { data: annotation })).status()).toBe(403);
  expect((await viewer.request.post(`/api/v1/projects/${projectId}/review-items/claim`)).status()).toBe(403);
  await viewer.goto(`/projects/${projectId}/review`);
  await expect(viewer.getByRole("heading", { name: "Review queue" })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Start reviewing" })).toHaveCount(0);
  await viewerContext.close();
  const secretKey = await createSecretKey(page, projectId, "refusals");
  const auth = { authorization: `Bearer ${secretKey}` };
  expect((await page.request.get("/api/v1/datasets/nope/export?format=csv", { headers: auth })).status()).toBe(404);
  expect((await page.request.get("/api/v1/datasets/golden/export?format=xml", { headers: auth })).status()).toBe(400);
  const body = { items: [{ input: [{ role: "user", content: "hi" }], expectedOutput: "hello" }] };
  expect((await page.request.post("/api/v1/datasets/imported/items", { headers: auth, data: body })).status()).toBe(200);
  expect((await page.request.get("/api/v1/datasets/imported/export?format=csv&version=3", { headers: auth })).status()).toBe(404);
});
