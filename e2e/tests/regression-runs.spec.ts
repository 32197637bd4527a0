import { test, expect, createSecretKey, shootBothThemes } from "./fixtures";

test.use({ viewport: { width: 1366, height: 768 } });

const items = [
  {
    id: "refund-window",
    input: [{ role: "user", content: "Can I get a refund?" }],
    expectedOutput: "Yes, within 30 days of purchase.",
    category: "billing",
    severity: "critical",
  },
  {
    id: "invoice",
    input: [{ role: "user", content: "Where is my invoice?" }],
    expectedOutput: "Under Settings, Billing, Invoices.",
    category: "billing",
    severity: "minor",
  },
  {
    id: "parcel",
    input: [{ role: "user", content: "Where is my parcel?" }],
    expectedOutput: "It ships within 2 working days.",
    category: "shipping",
    severity: "minor",
  },
];

test("a run uploaded with the secret key shows its pass rate, the comparison with the last passing run, built-in score means and each failure's diff", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  const created = await page.request.post("/api/v1/projects", { data: { name: `Regression gate ${Date.now()}` } });
  expect(created.status()).toBe(201);
  const projectId = ((await created.json()) as { id: string }).id;
  const key = await createSecretKey(page, projectId, "regression e2e");
  const headers = { authorization: `Bearer ${key}` };
  const api = page.request;
  expect((await api.post("/api/v1/datasets/golden/items", { headers, data: { items } })).status()).toBe(200);
  expect((await api.post("/api/v1/datasets/golden/versions", { headers })).status()).toBe(201);
  // An enabled built-in evaluator scores every uploaded output too.
  const evaluator = await api.post(`/api/v1/projects/${projectId}/evaluators`, { data: { name: "pii", kind: "pii_leak" } });
  expect(evaluator.status()).toBe(201);

  const upload = (name: string, outputs: Record<string, string>) =>
    api.post("/api/v1/datasets/golden/runs", {
      headers,
      data: {
        name,
        version: 1,
        release: name,
        model: "gpt-e2e",
        outputs: Object.entries(outputs).map(([itemId, output]) => ({ itemId, output })),
      },
    });
  expect(
    (
      await upload("main-41", {
        "refund-window": "Yes, within 30 days of purchase.",
        invoice: "Under Settings, Billing, Invoices.",
        parcel: "Parcels are sent by carrier pigeon.",
      })
    ).status(),
  ).toBe(200);
  expect(
    (
      await api.patch("/api/v1/datasets/golden/runs/main-41", {
        headers,
        data: { gate: { passed: true, reason: "pass rate 0.67 >= 0.6" } },
      })
    ).status(),
  ).toBe(200);
  expect(
    (
      await upload("pr-42", {
        "refund-window": "Please ask our office cat at cat@example.com.",
        invoice: "Under Settings, Billing, Invoices.",
        parcel: "It ships within 2 working days.",
      })
    ).status(),
  ).toBe(200);

  await page.goto(`/projects/${projectId}/datasets`);
  const runs = page.getByRole("table", { name: "Regression runs of golden" });
  await expect(runs.getByRole("row")).toHaveCount(3);
  // Nothing declared: the page says what the default check is, so "passed" is not a mystery.
  await expect(
    page.getByText("Default: equals the expected output (ignoring case and whitespace), otherwise similarity at least 0.85"),
  ).toBeVisible();

  // An engineer declares the checks here: refused ones are named by their place in the list, and nothing changes.
  await page.getByRole("button", { name: "Edit checks" }).click();
  const checks = page.getByRole("dialog", { name: "Checks of golden" });
  const editor = checks.getByRole("textbox", { name: "Checks (JSON)" });
  await editor.fill('[{ "type": "contains", "text": "days" }, { "type": "regex", "pattern": "(" }]');
  await checks.getByRole("button", { name: "Save checks" }).click();
  await expect(checks.getByRole("alert")).toContainText("Check 2, pattern: not a valid regular expression");
  await editor.fill('[{ "type": "contains", "text": "days" },');
  await checks.getByRole("button", { name: "Save checks" }).click();
  await expect(checks.getByRole("alert")).toContainText("Not valid JSON");
  await editor.fill('[{ "type": "contains", "text": "days" }, { "type": "judge", "evaluator": "nobody" }]');
  await checks.getByRole("button", { name: "Save checks" }).click();
  await expect(checks.getByRole("alert")).toContainText("Check 2, evaluator: no LLM-judge evaluator named nobody in this project");
  // Off the button just pressed: a hovered button is not what the dialog looks like.
  await page.mouse.move(0, 0);
  await shootBothThemes(page, testInfo, "dataset-checks-dialog");
  await checks.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText("Default: equals the expected output")).toBeVisible();

  await page.getByRole("button", { name: "Edit checks" }).click();
  await editor.fill('[{ "type": "contains", "text": "days" }, { "type": "similarity", "threshold": 0.8 }]');
  await checks.getByRole("button", { name: "Save checks" }).click();
  await expect(checks).toBeHidden();
  await expect(page.getByText('Contains "days"')).toBeVisible();
  await expect(page.getByText("Similarity to the expected output at least 0.8")).toBeVisible();
  const declared = await api.get("/api/v1/datasets/golden/assertions", { headers });
  expect(await declared.json()).toEqual({
    assertions: [
      { type: "contains", text: "days", caseSensitive: false },
      { type: "similarity", threshold: 0.8 },
    ],
  });
  await shootBothThemes(page, testInfo, "regression-runs-on-datasets-page", { fullPage: true });
  await runs.getByRole("link", { name: "pr-42" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Run pr-42" })).toBeVisible();
  const comparison = page.getByRole("region", { name: "Comparison with the baseline run" });
  await expect(comparison).toContainText("Against main-41");
  await expect(comparison).toContainText("1 newly failing");
  await expect(comparison).toContainText("1 newly passing");
  await expect(comparison.getByRole("table", { name: "Severity" }).getByRole("row", { name: /critical/ })).toContainText("1");
  const failure = page.getByRole("article", { name: "Item refund-window" });
  await expect(failure.locator("del")).toHaveText("Yes, within 30 days of purchase.");
  await expect(failure.locator("ins")).toContainText("cat@example.com");
  await expect(failure.getByRole("list", { name: "Built-in scores" })).toContainText("PII leak Yes");
  // One leak in three outputs here, none in the baseline.
  const means = page.getByRole("table", { name: "Built-in score means" });
  await expect(means.getByRole("row", { name: /PII leak/ })).toContainText(/0\.33\s*3\s*0\.00\s*\+0\.33/);
  await shootBothThemes(page, testInfo, "regression-run-report", { fullPage: true });
});
