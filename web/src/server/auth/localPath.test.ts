import { describe, expect, it } from "vitest";
import { localPath } from "@/server/auth/localPath";

describe("localPath", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(localPath("/invite/abc?x=1#y")).toBe("/invite/abc?x=1#y");
    expect(localPath(undefined)).toBe("/");
  });

  it("turns every way of naming another site into /", () => {
    for (const hostile of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "/\t/evil.example",
      "/\n\\evil.example",
      "/\r//evil.example",
      "javascript:alert(1)",
      " //evil.example",
      "/.//evil.example",
      "/..//evil.example",
    ]) {
      expect(localPath(hostile), JSON.stringify(hostile)).toBe("/");
    }
  });
});
