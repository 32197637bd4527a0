import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const webDir = fileURLToPath(new URL("..", import.meta.url));

describe("npm start with a bad environment", () => {
  it("exits before touching anything, naming the variable", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: webDir,
      env: { ...process.env, PORT: "not-a-port", LIVELOOP_DATA_DIR: "/nonexistent/should-not-be-created" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Invalid environment:\n\s+PORT: /);
    expect(existsSync("/nonexistent/should-not-be-created")).toBe(false);
  });
});
