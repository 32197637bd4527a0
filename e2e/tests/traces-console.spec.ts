import { test, expect, createSecretKey, projectIdOf } from "./fixtures";

const t = (ms: number) => new Date(Date.parse("2026-11-20T09:00:00Z") + ms).toISOString();

test("find a trace by text, user and id, read its waterfall, and follow its session", async ({ page, request }) => {
  await page.goto("/");
  const projectId = projectIdOf(page);
  const key = await createSecretKey(page, projectId, "console traces");
  const longAnswer = `Refund policy: ${"details ".repeat(600)}END-OF-ANSWER`;
  const response = await request.post("/api/v1/traces", {
    headers: { authorization: `Bearer ${key}` },
    data: {
      traces: [
        {
          id: "console-refund-1",
          name: "support turn",
          sessionId: "sess-console",
          userId: "alice",
          input: [
            { role: "system", content: "You are helpful." },
            { role: "user", content: "Can I get a refund for order 99?" },
          ],
          output: longAnswer,
          model: "gpt-4o-mini",
          release: "v9",
          startTime: t(0),
          endTime: t(1200),
          spans: [
            { id: "retrieve", type: "retrieval", name: "search policy", startTime: t(0), endTime: t(300) },
            {
              id: "answer",
              parentId: "retrieve",
              type: "llm",
              name: "draft answer",
              model: "gpt-4o-mini",
              usage: { inputTokens: 900, outputTokens: 120 },
              input: "policy + question",
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

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Traces" }).click();
  const search = page.getByRole("search", { name: "Find traces" });
  await search.getByLabel("Search text or trace id").fill("REFUND for order 99");
  await search.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("link", { name: "support turn" })).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(2);

  await search.getByLabel("Search text or trace id").fill("");
  await search.getByLabel("User").fill("bob");
  await search.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("link", { name: "console-other-2" })).toBeVisible();
  await expect(page.getByRole("link", { name: "support turn" })).toHaveCount(0);

  await search.getByLabel("User").fill("");
  await search.getByLabel("Search text or trace id").fill("console-refund-1");
  await search.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/traces/console-refund-1$`));
  await expect(page.getByRole("heading", { name: "support turn", level: 1 })).toBeVisible();

  const steps = page.getByRole("list", { name: "Spans" });
  await expect(steps.getByRole("button")).toHaveCount(3);
  await expect(steps.getByRole("button", { name: /audit log/ })).toContainText("parent missing");
  await steps.getByRole("button", { name: /draft answer/ }).click();
  const detail = page.getByRole("region", { name: "Span draft answer" });
  await expect(detail).toContainText("900 in · 120 out");
  await expect(detail).toContainText("gpt-4o-mini");
  await expect(detail.getByRole("region", { name: "Span input" })).toContainText("policy + question");

  const output = page.getByRole("region", { name: "Output", exact: true });
  await expect(output).not.toContainText("END-OF-ANSWER");
  await output.getByRole("button", { name: /Show all/ }).click();
  await expect(output).toContainText("END-OF-ANSWER");

  await page.getByRole("link", { name: "sess-console" }).click();
  await expect(page.getByRole("heading", { name: "Session sess-console" })).toBeVisible();
  const turns = page.getByRole("listitem").filter({ hasText: "open trace" });
  await expect(turns).toHaveCount(2);
  await expect(turns.first()).toContainText("Can I get a refund");
  await expect(turns.last()).toContainText("Hi there");
});
