import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect, projectIdOf, createSecretKey } from "./fixtures";
import { baseURL } from "../playwright.config";
import {
  exportedNames,
  filesUnder,
  installApp,
  packWidget,
  run,
  serveStatic,
  startNext,
  writeNextApp,
  writeViteApp,
  type RunningApp,
} from "./widgetHostApps";

// One slow test (npm pack, two installs, two production builds): what a customer does with the published package.
test("the packed widget installs into a Vite app and a Next.js app outside the workspace, type-checks, builds, and each sends a thumbs-down that the app stores", async ({
  page,
}) => {
  test.setTimeout(20 * 60_000);
  // Under the system's temp folder, far from the workspace's node_modules; removed whatever happens.
  const workspace = mkdtempSync(join(tmpdir(), "liveloop-widget-package-"));
  const viteDir = join(workspace, "vite-host");
  const nextDir = join(workspace, "next-host");
  const running: RunningApp[] = [];
  const timings: string[] = [];
  const timed = async <T>(title: string, step: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await test.step(title, step);
    timings.push(`${title}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };

  try {
    const tarball = await timed("npm pack", () => packWidget(workspace));
    const manifest = JSON.parse(await run("tar", ["-xOzf", tarball, "package/package.json"], workspace)) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: "@liveloop/widget", version: "0.1.0", sideEffects: false, files: ["dist", "README.md"] });
    expect(manifest).not.toHaveProperty("private");
    const listing = (await run("tar", ["-tzf", tarball], workspace)).split("\n");
    expect(listing).toContain("package/README.md");
    expect(listing.filter((path) => path.startsWith("package/src/"))).toEqual([]);

    writeViteApp(viteDir, tarball);
    writeNextApp(nextDir, tarball);
    await timed("npm install (both apps)", () => Promise.all([installApp(viteDir), installApp(nextDir)]));

    // Plain Node loads every entry of the installed package (ESM, and /server's node:crypto).
    const names = await exportedNames(nextDir);
    expect(names["@liveloop/widget"]).toEqual(
      expect.arrayContaining(["Feedback", "FeedbackProvider", "useFeedback", "createFeedbackClient"]),
    );
    expect(names["@liveloop/widget/core"]).toEqual(expect.arrayContaining(["createFeedbackClient", "trigramSimilarity"]));
    expect(names["@liveloop/widget/locales"]).toEqual(expect.arrayContaining(["de", "fr", "es", "en", "labelsForLocale"]));
    expect(names["@liveloop/widget/protocol"]).toEqual(expect.arrayContaining(["feedbackEventTypes"]));
    expect(names["@liveloop/widget/server"]).toEqual([
      "assignRelease",
      "assignmentBucket",
      "assignmentBuckets",
      "signFeedbackToken",
      "verifyFeedbackToken",
    ]);

    // TypeScript consumers: bundler resolution with the declarations checked (Vite), nodenext (a Node backend).
    await timed("tsc (Vite app, nodenext)", async () => {
      await run(join(viteDir, "node_modules/.bin/tsc"), ["--noEmit", "-p", "."], viteDir);
      await run(join(nextDir, "node_modules/.bin/tsc"), ["--noEmit", "-p", "node"], nextDir);
    });
    await timed("vite build", () => run(join(viteDir, "node_modules/.bin/vite"), ["build"], viteDir));
    await timed("next build", () => run(join(nextDir, "node_modules/.bin/next"), ["build"], nextDir));
    await timed("tsc (Next app)", () => run(join(nextDir, "node_modules/.bin/tsc"), ["--noEmit", "-p", "."], nextDir));

    // The Node-only /server entry stays out of both browser bundles.
    const browserCode = [...filesUnder(join(viteDir, "dist"), ".js"), ...filesUnder(join(nextDir, ".next/static"), ".js")];
    expect(browserCode.length).toBeGreaterThan(0);
    expect(browserCode.filter((file) => /createHmac|node:crypto|signFeedbackToken/.test(readFileSync(file, "utf8")))).toEqual([]);

    const viteApp = await serveStatic(join(viteDir, "dist"));
    running.push(viteApp);
    const nextApp = await timed("next start", () => startNext(nextDir));
    running.push(nextApp);

    await page.goto("/");
    const projectId = projectIdOf(page);
    const secretKey = await createSecretKey(page, projectId, "package reader");
    const created = await page.request.post(`/api/v1/projects/${projectId}/api-keys`, {
      data: { kind: "public", name: "host apps", allowedOrigins: [viteApp.origin, nextApp.origin] },
    });
    expect(created.status()).toBe(201);
    const publicKey = ((await created.json()) as { key: string }).key;
    const storedFeedback = async (traceId: string) => {
      const response = await page.request.get(`/api/v1/feedback?traceId=${traceId}`, { headers: { authorization: `Bearer ${secretKey}` } });
      return ((await response.json()) as { data: { type: string; value: number | null }[] }).data;
    };

    for (const [app, notHelpful] of [
      [viteApp, "Not helpful"],
      [nextApp, "Nicht hilfreich"],
    ] as const) {
      const traceId = `package-${Date.now()}-${app === viteApp ? "vite" : "next"}`;
      await page.goto(`${app.origin}/?${new URLSearchParams({ endpoint: baseURL, key: publicKey, trace: traceId }).toString()}`);
      const thumbsDown = page.getByRole("button", { name: notHelpful, exact: true });
      // Next's page is rendered on the server: a click that lands before hydration does nothing, so click until it takes.
      await expect(async () => {
        if ((await thumbsDown.getAttribute("aria-pressed")) !== "true") await thumbsDown.click();
        await expect(thumbsDown).toHaveAttribute("aria-pressed", "true", { timeout: 1_000 });
      }).toPass({ timeout: 20_000 });
      await expect
        .poll(() => storedFeedback(traceId), { timeout: 15_000 })
        .toEqual([expect.objectContaining({ type: "thumb", value: -1 })]);
    }
  } finally {
    await Promise.all(running.map((app) => app.close()));
    rmSync(workspace, { recursive: true, force: true });
    console.log(`widget package: ${timings.join(", ")}`);
  }
});
