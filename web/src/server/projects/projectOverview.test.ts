import { describe, expect, it } from "vitest";
import { instanceUrl } from "@/server/projects/projectOverview";

describe("instanceUrl", () => {
  it("reads the protocol and host the web server established", () => {
    expect(
      instanceUrl(new Headers({ host: "10.0.0.5:3000", "x-forwarded-proto": "https", "x-forwarded-host": "liveloop.example.com" })),
    ).toBe("https://liveloop.example.com");
  });

  it("falls back to the Host header over http, and never takes an unknown protocol", () => {
    expect(instanceUrl(new Headers({ host: "localhost:3000" }))).toBe("http://localhost:3000");
    expect(instanceUrl(new Headers({ host: "localhost:3000", "x-forwarded-proto": "javascript" }))).toBe("http://localhost:3000");
  });
});
