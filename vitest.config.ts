import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@/": fileURLToPath(new URL("./web/src/", import.meta.url)) },
  },
  // web's tsconfig leaves JSX to Next ("preserve"); tests compile it themselves.
  oxc: { jsx: { runtime: "automatic" } },
  test: {
    include: [
      "prisma/src/**/*.test.ts",
      "web/src/**/*.test.{ts,tsx}",
      "web/scripts/**/*.test.ts",
      "widget/src/**/*.test.{ts,tsx}",
      "widget/scripts/**/*.test.ts",
    ],
    globalSetup: ["web/src/test/warmGloveTable.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each test file opens its own databases; two cores run two files at a time.
    maxWorkers: 2,
    // Every answer that goes through the route wrapper is checked against its documented schema.
    // Judges in tests are local fake servers, so loopback is allowed (outboundUrls.test.ts covers the default).
    env: { NEXT_TELEMETRY_DISABLED: "1", LIVELOOP_CHECK_RESPONSES: "1", LIVELOOP_OUTBOUND_ALLOW_PRIVATE: "1" },
  },
});
