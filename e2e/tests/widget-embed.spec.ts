import { test, expect, projectIdOf, createSecretKey } from "./fixtures";
import { baseURL } from "../playwright.config";
import { serveHostPage, type HostPage } from "./hostPage";

/** A plain HTML chat page (no React, no build step) that embeds /widget.js the documented way. */
const hostHtml = (publicKey: string, traceId: string) => `<!doctype html>
<html lang="en">
  <head><title>Host chat</title></head>
  <body>
    <main>
      <p>Answer: Our store opens at 10:00.</p>
      <div id="feedback"></div>
    </main>
    <script>
      window.Liveloop = window.Liveloop || function () { (Liveloop.q = Liveloop.q || []).push(arguments); };
      Liveloop("init", { publicKey: ${JSON.stringify(publicKey)}, flushIntervalMs: 200, onError: function (e) { window.liveloopErrors = (window.liveloopErrors || []).concat(e.kind); } });
      Liveloop("mount", "#feedback", { traceId: ${JSON.stringify(traceId)}, locale: "de" });
    </script>
    <script async src="${baseURL}/widget.js"></script>
  </body>
</html>`;

let hosts: HostPage[] = [];
test.afterEach(async () => {
  await Promise.all(hosts.map((host) => host.close()));
  hosts = [];
});

test("the script-tag build on a plain page from an allowed origin stores feedback; a refused origin is told so, stores nothing and is not retried", async ({
  page,
}) => {
  await page.goto("/");
  const projectId = projectIdOf(page);
  const secretKey = await createSecretKey(page, projectId, "embed reader");

  // Both pages are served from origins other than the app's, so the widget's requests are cross-origin.
  let publicKey = "";
  const traceId = `embed-${Date.now()}`;
  const allowed = await serveHostPage(() => hostHtml(publicKey, traceId));
  const refused = await serveHostPage(() => hostHtml(publicKey, traceId), "localhost");
  hosts.push(allowed, refused);
  const created = await page.request.post(`/api/v1/projects/${projectId}/api-keys`, {
    data: { kind: "public", name: "host chat", allowedOrigins: [allowed.origin] },
  });
  expect(created.status()).toBe(201);
  publicKey = ((await created.json()) as { key: string }).key;
  const feedback = async () => {
    const response = await page.request.get(`/api/v1/feedback?traceId=${traceId}`, { headers: { authorization: `Bearer ${secretKey}` } });
    return ((await response.json()) as { data: { type: string; value: number | null }[] }).data;
  };

  await page.goto(allowed.url);
  // The German label set, chosen by the command queued before the script loaded.
  const helpful = page.getByRole("button", { name: "Hilfreich", exact: true });
  // The thumb is drawn (an SVG with a size), not an emoji this browser has no font for.
  const icon = await helpful.locator("svg").boundingBox();
  expect(icon?.width).toBeGreaterThan(10);
  await helpful.click();
  await expect(helpful).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("status")).toHaveText("Danke für Ihr Feedback");
  await expect.poll(feedback, { timeout: 15_000 }).toEqual([expect.objectContaining({ type: "thumb", value: 1 })]);

  // The refusal is readable (403 with CORS headers and a problem body), so the widget drops
  // the event and reports it instead of retrying it forever; nothing is stored.
  const refusal = page.waitForResponse(
    (response) => response.url().startsWith(`${baseURL}/api/v1/feedback`) && response.request().method() === "POST",
  );
  await page.goto(refused.url);
  await page.getByRole("button", { name: "Nicht hilfreich" }).click();
  const answer = await refusal;
  expect(answer.status()).toBe(403);
  expect(answer.headers()["access-control-allow-origin"]).toBe(refused.origin);
  await expect.poll(() => page.evaluate(() => (window as unknown as { liveloopErrors?: string[] }).liveloopErrors)).toEqual(["rejected"]);
  await expect.poll(() => page.evaluate(() => localStorage.length)).toBe(0);
  expect(await feedback()).toHaveLength(1);
});
