import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { startAppServer, type BenchRow } from "./appServer.ts";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** The widget's gzip sizes per entry, from the same bundling the npm test budget check uses. */
export async function benchWidgetSizes(): Promise<BenchRow[]> {
  const { stdout } = await promisify(execFile)("npm", ["run", "-s", "size", "-w", "@liveloop/widget", "--", "--json"], { cwd: repoRoot });
  const sizes = JSON.parse(stdout.trim().split("\n").at(-1) ?? "[]") as { name: string; gzipBytes: number; budgetBytes: number }[];
  return sizes.map((size) => ({
    name: `widget size, ${size.name} (gzip, minified; react, react-dom and @radix-ui not counted for the library entries)`,
    baseline: `${(size.budgetBytes / 1000).toFixed(0)} kB budget`,
    measured: `${(size.gzipBytes / 1000).toFixed(2)} kB`,
    ratio: (size.gzipBytes / size.budgetBytes).toFixed(3),
    target: "<= 1 of the budget",
    met: size.gzipBytes <= size.budgetBytes,
  }));
}

interface LongTasks {
  count: number;
  longestMs: number;
}

/**
 * Long tasks (over 50 ms) while a user gives thumbs-down and submits a reason on /demo,
 * observed by a PerformanceObserver in Chromium; the baseline is the same observer over
 * an equally long idle moment of the same page.
 */
export async function benchWidgetInteraction(port: number): Promise<BenchRow> {
  const app = await startAppServer({ port });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage();
    await page.goto(`${app.baseUrl}/signin`);
    await page.getByLabel("Email").fill("bench@liveloop.test");
    await page.getByLabel("Password").fill("bench-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(/\/projects\//);
    await page.goto(`${app.baseUrl}/demo`);
    await page.getByLabel("Your question").fill("Can I return my boots?");
    await page.getByRole("button", { name: "Send" }).click();
    const answer = page.getByRole("article", { name: "Answer" }).last();
    await answer.waitFor();

    const observe = () =>
      page.evaluate(() => {
        const tasks: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) tasks.push(entry.duration);
        });
        observer.observe({ type: "longtask" });
        (window as unknown as { stopObserving: () => number[] }).stopObserving = () => {
          observer.disconnect();
          return tasks;
        };
      });
    const collect = async (): Promise<LongTasks> => {
      const tasks = await page.evaluate(() => (window as unknown as { stopObserving: () => number[] }).stopObserving());
      return { count: tasks.length, longestMs: Math.round(Math.max(0, ...tasks)) };
    };

    await observe();
    const started = Date.now();
    await answer.getByRole("button", { name: "Not helpful" }).click();
    await answer.getByRole("button", { name: "Too long" }).click();
    await answer.getByRole("button", { name: "Send feedback" }).click();
    await answer.getByRole("status").filter({ hasText: "Thanks for your feedback" }).waitFor();
    const interaction = await collect();
    const elapsed = Date.now() - started;

    await observe();
    await page.waitForTimeout(elapsed); // the idle baseline: nothing to await, by definition
    const idle = await collect();
    return {
      name: "widget interaction on /demo: long tasks (> 50 ms) while clicking thumbs-down, a reason and Send (Chromium PerformanceObserver)",
      baseline: `idle: ${idle.count} long tasks, longest ${idle.longestMs} ms`,
      measured: `${interaction.count} long tasks, longest ${interaction.longestMs} ms`,
      ratio: "—",
      target: "no long task",
      met: interaction.count === 0,
    };
  } finally {
    await browser.close();
    await app.stop();
  }
}
