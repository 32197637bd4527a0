import { test, expect, createSecretKey, projectIdOf } from "./fixtures";

const t = (ms: number) => new Date(Date.parse("2026-11-20T09:00:00Z") + ms).toISOString();
const shopOrigin = "https://shop.example";

test("find a trace by text, user, time range and id, read its feedback and waterfall, and follow its session", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const projectId = projectIdOf(page);
  const key = await createSecretKey(page, projectId, "console traces");
  const publicKey = await page.request.post(`/api/v1/projects/${projectId}/api-keys`, {
    data: { kind: "public", name: "console traces widget", allowedOrigins: [shopOrigin] },
  });
  expect(publicKey.status()).toBe(201);
  const pk = ((await publicKey.json()) as { key: string }).key;
  const longAnswer = `Refund policy: ${"details ".repeat(600)}END-OF-ANSWER`;
  const question = [
    { role: "system", content: "You are helpful." },
    { role: "user", content: "Can I get a refund for order 99?" },
  ];
  const response = await request.post("/api/v1/traces", {
    headers: { authorization: `Bearer ${key}` },
    data: {
      traces: [
        {
          id: "console-refund-1",
          name: "support turn",
          sessionId: "sess-console",
          userId: "alice",
          input: question,
          output: longAnswer,
          model: "gpt-4o-mini",
          release: "v9",
          startTime: t(0),
          endTime: t(1200),
          embeddings: [{ field: "input", model: "text-embedding-3-small", vector: [0.25, -0.5, 1] }],
          spans: [
            { id: "retrieve", type: "retrieval", name: "search policy", startTime: t(0), endTime: t(300) },
            {
              id: "answer",
              parentId: "retrieve",
              type: "llm",
              name: "draft answer",
              model: "gpt-4o-mini",
              usage: { inputTokens: 900, outputTokens: 120 },
              input: question,
              output: "draft",
              startTime: t(300),
              endTime: t(1200),
            },
            { id: "stray", parentId: "never-sent", type: "tool", name: "audit log", startTime: t(100), endTime: t(150) },
          ],
        },
        {
          id: "console-other-2",
          sessionId: "sess-console",
          userId: "bob",
          input: "Hello",
          output: "Hi there",
          startTime: t(5000),
          endTime: t(5400),
        },
      ],
    },
  });
  expect(response.status()).toBe(200);
  const feedback = await request.post("/api/v1/feedback", {
    headers: { authorization: `Bearer ${pk}`, origin: shopOrigin },
    data: {
      events: [
        { id: crypto.randomUUID(), type: "thumb", traceId: "console-refund-1", userId: "alice", value: -1, timestamp: t(2000) },
        {
          id: crypto.randomUUID(),
          type: "reasons",
          traceId: "console-refund-1",
          userId: "alice",
          reasons: ["off_topic"],
          timestamp: t(2100),
        },
      ],
    },
  });
  expect(feedback.status()).toBe(200);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Traces" }).click();
  const search = page.getByRole("search", { name: "Find traces" });
  await search.getByLabel("Search text or trace id").fill("REFUND for order 99");
  await search.getByRole("button", { name: "Apply" }).click();
  const refundRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: "support turn" }) });
  await expect(refundRow).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(2);
  // The feedback column: the thumb and the reason's label, not its key.
  await expect(refundRow.getByLabel("1 thumbs down")).toBeVisible();
  await expect(refundRow).toContainText("Not what I asked");
  await expect(refundRow).not.toContainText("off_topic");

  // The trace is a week old: the last hour has nothing, "Any time" finds it again.
  await search.getByRole("combobox", { name: "Time range" }).click();
  await page.getByRole("option", { name: "Last hour" }).click();
  await search.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/range=1h/);
  await expect(page.getByRole("heading", { name: "No traces match" })).toBeVisible();
  await search.getByRole("combobox", { name: "Time range" }).click();
  await page.getByRole("option", { name: "Any time" }).click();
  await search.getByLabel("Search text or trace id").fill("");
  await search.getByRole("button", { name: /More filters/ }).click();
  await search.getByLabel("User").fill("bob");
  await search.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("link", { name: "console-other-2" })).toBeVisible();
  await expect(page.getByRole("link", { name: "support turn" })).toHaveCount(0);

  await search.getByLabel("User").fill("");
  await search.getByLabel("Search text or trace id").fill("console-refund-1");
  await search.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/traces/console-refund-1$`));
  await expect(page.getByRole("heading", { name: "support turn", level: 1 })).toBeVisible();
  // Which vectors the application sent, not their numbers.
  const summary = page.getByRole("region", { name: "Summary" });
  await expect(summary.getByText("Vectors", { exact: true })).toBeVisible();
  await expect(summary).toContainText("input (app:text-embedding-3-small, 3 dims)");
  const feedbackCard = page.getByRole("region", { name: "Feedback" });
  await expect(feedbackCard.getByRole("list", { name: "Feedback events" })).toContainText("Thumbs down");
  await expect(feedbackCard).toContainText("Reasons: Not what I asked");

  const steps = page.getByRole("list", { name: "Spans" });
  await expect(steps.getByRole("button")).toHaveCount(3);
  await expect(steps.getByRole("button", { name: /audit log/ })).toContainText("parent missing");
  await expect(steps.getByRole("button", { name: /draft answer/ })).toContainText("900 ms");
  await steps.getByRole("button", { name: /draft answer/ }).click();
  const detail = page.getByRole("region", { name: "Span draft answer" });
  await expect(detail).toContainText("900 in · 120 out");
  await expect(detail).toContainText("gpt-4o-mini");
  // The step got the trace's own input: it says so instead of showing the question twice.
  await expect(detail.getByRole("region", { name: "Span input" })).toContainText("The trace's input, shown above.");
  await expect(page.getByText("Can I get a refund for order 99?")).toHaveCount(1);

  const output = page.getByRole("region", { name: "Output", exact: true });
  await expect(output).not.toContainText("END-OF-ANSWER");
  await output.getByRole("button", { name: /Show all/ }).click();
  await expect(output).toContainText("END-OF-ANSWER");

  await page.getByRole("link", { name: "Session sess-console" }).click();
  await expect(page.getByRole("heading", { name: "Session sess-console" })).toBeVisible();
  const turns = page.getByRole("list", { name: "Turns" }).getByRole("listitem").filter({ hasText: "open trace" });
  await expect(turns).toHaveCount(2);
  await expect(turns.first()).toContainText("Can I get a refund");
  await expect(turns.first()).toContainText("Thumbs down");
  await expect(turns.last()).toContainText("Hi there");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sessions" }).click();
  const sessionRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: "sess-console" }) });
  await expect(sessionRow).toContainText("Can I get a refund for order 99?");
  await expect(sessionRow.getByRole("cell").nth(1)).toHaveText("2");
  await expect(sessionRow.getByLabel("1 thumbs down")).toBeVisible();

  // An unknown trace is a 404 inside the console, with the way back.
  await page.goto(`/projects/${projectId}/traces/no-such-trace`);
  await expect(page.getByRole("heading", { name: "Trace not found" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
});
