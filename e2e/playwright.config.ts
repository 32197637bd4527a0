import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

// One fresh embedded database per run, shared by the main process and its workers
// (which inherit this environment), so first-run set-up is really the first run.
if (!process.env.LIVELOOP_E2E_DATA_DIR) {
  const dataDir = mkdtempSync(join(tmpdir(), "liveloop-e2e-"));
  process.env.LIVELOOP_E2E_DATA_DIR = dataDir;
  // Removed when the process that made it (the runner) exits: a globalTeardown runs
  // before Playwright stops the web server, which still holds the database then.
  process.once("exit", () => {
    rmSync(dataDir, { recursive: true, force: true });
  });
}
const port = Number(process.env.LIVELOOP_E2E_PORT ?? 3211);
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "./tests",
  globalSetup: "./globalSetup.ts",
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [["list"], ["json", { outputFile: "test-results/results.json" }]]
    : [["list"], ["json", { outputFile: "test-results/results.json" }]],
  use: {
    baseURL,
    browserName: "chromium",
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's chromium (or CHROMIUM_PATH): never a browser downloaded by the test tool.
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      // The machines running this have no network beyond loopback: keep Chromium from trying.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /first-run\.setup\.ts/ },
    { name: "console", dependencies: ["setup"], use: { storageState: "./.auth/owner.json" } },
  ],
  webServer: {
    command: "npm start",
    cwd: "..",
    url: `${baseURL}/api/v1/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    // npm start closes the embedded database on SIGTERM (the default is SIGKILL to the group).
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    stdout: "pipe",
    env: {
      LIVELOOP_DATA_DIR: process.env.LIVELOOP_E2E_DATA_DIR,
      PORT: String(port),
      DATABASE_URL: "",
      // NEXTAUTH_URL stays unset on purpose: links, redirects and cookie security come from the request.
      // As behind one reverse proxy, so a test can send what such a proxy would (X-Forwarded-*).
      LIVELOOP_TRUSTED_PROXY_HOPS: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      // Generous, so the suite's own traffic is never throttled.
      LIVELOOP_RATE_LIMIT_PER_MINUTE: "100000",
      // Every API answer in the suite is checked against its endpoint's response schema (a mismatch is a 500).
      LIVELOOP_CHECK_RESPONSES: "1",
      // The judge the evaluator tests configure is a fake endpoint on this machine.
      LIVELOOP_OUTBOUND_ALLOW_PRIVATE: "1",
    },
  },
});
