import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { isUndecodablePath, undecodablePathHandler } from "@/server/http/undecodablePath";

describe("paths that do not percent-decode", () => {
  it("are told apart from paths that do, NUL and encoded slashes included", () => {
    expect(isUndecodablePath("/api/v1/traces/%ff")).toBe(true);
    expect(isUndecodablePath("/api/v1/traces/%e2%82")).toBe(true);
    expect(isUndecodablePath("/api/v1/traces/%")).toBe(true);
    expect(isUndecodablePath("/api/v1/traces/%00")).toBe(false);
    expect(isUndecodablePath("/api/v1/traces/a%2Fb%20c%C3%A9")).toBe(false);
  });

  it("get a 400 problem body, not a plain-text 500", async () => {
    const response = await undecodablePathHandler(new NextRequest("http://liveloop.test/api/v1/traces/%ff"), {});
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 400, detail: "The URL path is not valid percent-encoded UTF-8" });
  });
});
