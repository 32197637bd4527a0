import { test, expect, createSecretKey, projectIdOf } from "./fixtures";

test("traces go in over HTTP, come back by id and in lists, and bad ones are answered per trace", async ({ page, request }) => {
  await page.goto("/");
  const projectId = projectIdOf(page);
  const key = await createSecretKey(page, projectId, "tracing");
  const headers = { authorization: `Bearer ${key}` };
  const trace = {
    id: "http-trace-1",
    input: [{ role: "user", content: "Where is my parcel?" }],
    output: "It arrives tomorrow.",
    model: "gpt-4o",
    startTime: "2026-11-01T12:00:00Z",
    endTime: "2026-11-01T12:00:01.5Z",
    spans: [{ id: "s1", type: "llm", name: "answer", usage: { inputTokens: 10, outputTokens: 5 }, startTime: "2026-11-01T12:00:00Z" }],
  };

  const stored = await request.post("/api/v1/traces", { headers, data: { traces: [trace] } });
  expect(stored.status()).toBe(200);
  expect(await stored.json()).toEqual({ accepted: ["http-trace-1"], duplicates: [], rejected: [] });

  const mixed = await request.post("/api/v1/traces", {
    headers,
    data: { traces: [trace, { ...trace, id: "bad", spans: [{ ...trace.spans[0], type: "nope" }] }] },
  });
  expect(mixed.status()).toBe(207);
  expect(await mixed.json()).toMatchObject({ duplicates: ["http-trace-1"], rejected: [{ id: "bad", index: 1, status: 400 }] });

  const fetched = await request.get("/api/v1/traces/http-trace-1", { headers });
  expect(await fetched.json()).toMatchObject({
    id: "http-trace-1",
    latencyMs: 1500,
    spans: [{ id: "s1", type: "llm" }],
    feedback: [],
    scores: [],
  });
  const listed = await request.get("/api/v1/traces?q=parcel", { headers });
  expect(((await listed.json()) as { data: { id: string }[] }).data.map((t) => t.id)).toEqual(["http-trace-1"]);

  const tooBig = await request.post("/api/v1/traces", {
    headers,
    data: { traces: [{ ...trace, id: "huge", output: "x".repeat(5 * 1024 * 1024) }] },
  });
  expect(tooBig.status()).toBe(413);
  expect((await request.get("/api/v1/traces/huge", { headers })).status()).toBe(404);
});

test("GenAI events sent as OTLP log records become the prompt and answer of their span, shown with the served model", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const projectId = projectIdOf(page);
  const headers = { authorization: `Bearer ${await createSecretKey(page, projectId, "otel")}` };
  const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
  const spanId = "00f067aa0ba902b7";
  const text = (key: string, value: string) => ({ key, value: { stringValue: value } });
  const event = (eventName: string, body: { key: string; value: unknown }[], timeUnixNano = "1764000000000000000") => ({
    timeUnixNano,
    traceId,
    spanId,
    eventName,
    attributes: [text("gen_ai.system", "openai")],
    body: { kvlistValue: { values: body } },
  });
  const logs = {
    resourceLogs: [
      {
        scopeLogs: [
          {
            logRecords: [
              { timeUnixNano: "1764000000000000000", body: { stringValue: "GET /health 200" } },
              event("gen_ai.system.message", [text("content", "Answer in one line.")]),
              event("gen_ai.user.message", [text("content", "When does order 7 arrive?")]),
              event(
                "gen_ai.choice",
                [
                  text("finish_reason", "stop"),
                  { key: "message", value: { kvlistValue: { values: [text("content", "Tomorrow before noon.")] } } },
                ],
                "1764000000800000000",
              ),
            ],
          },
        ],
      },
    ],
  };
  // The events first, as a logs exporter often delivers them before the span has ended.
  const logged = await request.post("/api/v1/otel/v1/logs", { headers, data: logs });
  expect([logged.status(), await logged.json()]).toEqual([200, {}]);
  const span = {
    traceId,
    spanId,
    name: "chat gpt-4o-mini",
    kind: 3,
    startTimeUnixNano: "1764000000000000000",
    endTimeUnixNano: "1764000001000000000",
    attributes: [
      text("gen_ai.operation.name", "chat"),
      text("gen_ai.request.model", "gpt-4o-mini"),
      text("gen_ai.response.model", "gpt-4o-mini-2024-07-18"),
      { key: "gen_ai.usage.input_tokens", value: { intValue: "20" } },
      { key: "gen_ai.usage.output_tokens", value: { intValue: "5" } },
    ],
  };
  const traced = await request.post("/api/v1/otel/v1/traces", { headers, data: { resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] } });
  expect(traced.status()).toBe(200);

  const fetched = await request.get(`/api/v1/traces/${traceId}`, { headers });
  expect(await fetched.json()).toMatchObject({
    model: "gpt-4o-mini",
    servedModel: "gpt-4o-mini-2024-07-18",
    input: [
      { role: "system", content: "Answer in one line." },
      { role: "user", content: "When does order 7 arrive?" },
    ],
    output: "Tomorrow before noon.",
  });

  await page.goto(`/projects/${projectId}/traces/${traceId}`);
  const summary = page.getByRole("region", { name: "Summary" });
  await expect(summary.getByText("gpt-4o-mini (served as gpt-4o-mini-2024-07-18)")).toBeVisible();
  await expect(page.getByText("When does order 7 arrive?").first()).toBeVisible();
});
