import { describe, expect, it } from "vitest";
import { escapeLikePattern } from "@/server/db/likePattern";

describe("escapeLikePattern", () => {
  it("escapes LIKE's wildcards and its escape character, nothing else", () => {
    expect(escapeLikePattern("100%_a\\b")).toBe("100\\%\\_a\\\\b");
    expect(escapeLikePattern("(a+b)* ^$ [x] 'q'")).toBe("(a+b)* ^$ [x] 'q'");
  });
});
