import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { instanceAuthSecret } from "@/server/auth/instanceSecret";

describe("instanceAuthSecret", () => {
  const dir = mkdtempSync(join(tmpdir(), "liveloop-secret-"));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("creates a long random secret once, readable only by its owner, and keeps it", () => {
    const first = instanceAuthSecret(dir);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(join(dir, "auth-secret")).mode & 0o777).toBe(0o600);
    expect(instanceAuthSecret(dir)).toBe(first);
    // Inside `dir`, so afterAll removes it too.
    expect(instanceAuthSecret(mkdtempSync(join(dir, "other-")))).not.toBe(first);
  });
});
