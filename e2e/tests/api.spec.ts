import { test, expect } from "./fixtures";

test("health and the OpenAPI document are open", async ({ request }) => {
  const health = await request.get("/api/v1/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok", database: "ok" });
  const openapi = await request.get("/api/v1/openapi.json");
  const document = (await openapi.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toContain("/api/v1/projects/current");
});

test("bad requests get problem documents and change nothing", async ({ page }) => {
  await page.goto("/");
  const before = ((await (await page.request.get("/api/v1/projects")).json()) as { data: unknown[] }).data.length;
  const malformed = await page.request.post("/api/v1/projects", {
    headers: { "content-type": "application/json" },
    data: Buffer.from("{oops"),
  });
  expect(malformed.status()).toBe(400);
  expect(((await malformed.json()) as { detail: string }).detail).toMatch(/not valid JSON/);
  const wrongType = await page.request.post("/api/v1/projects", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: Buffer.from("name=x"),
  });
  expect(wrongType.status()).toBe(415);
  const tooLarge = await page.request.post("/api/v1/projects", { data: { name: "x".repeat(1_100_000) } });
  expect(tooLarge.status()).toBe(413);
  const invalid = await page.request.post("/api/v1/projects", { data: { name: "" } });
  expect(invalid.status()).toBe(400);
  expect(((await invalid.json()) as { errors: { path: string[] }[] }).errors[0]?.path).toEqual(["name"]);
  const after = ((await (await page.request.get("/api/v1/projects")).json()) as { data: unknown[] }).data.length;
  expect(after).toBe(before);
  // A path that does not percent-decode is answered by the web server, before Next's router would throw on it.
  for (const path of ["/api/v1/traces/%ff", "/projects/%e2%82"]) {
    const undecodable = await page.request.get(path);
    expect(undecodable.status()).toBe(400);
    expect(undecodable.headers()["content-type"]).toContain("application/problem+json");
  }
});

test("an unknown key gets 401", async ({ request }) => {
  const response = await request.get("/api/v1/projects/current", {
    headers: { authorization: "Bearer sk_this_key_does_not_exist_anywhere" },
  });
  expect(response.status()).toBe(401);
  expect(response.headers()["content-type"]).toBe("application/problem+json");
});
