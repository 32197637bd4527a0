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
