import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { addressGroup, applyRequestOrigin, clientAddressHeader, requestOrigin } from "@/server/http/forwardedHeaders";

function incoming(headers: Record<string, string>, remoteAddress = "10.0.0.5", encrypted = false): IncomingMessage {
  return { headers: { ...headers }, socket: { remoteAddress, encrypted } } as unknown as IncomingMessage;
}

const spoofed = {
  host: "liveloop.example:8443",
  "x-forwarded-for": "1.2.3.4",
  "x-forwarded-proto": "https",
  "x-forwarded-host": "evil.example",
  [clientAddressHeader]: "6.6.6.6",
};

describe("requestOrigin", () => {
  it("believes no forwarding header without a trusted proxy: the socket and Host decide", () => {
    expect(requestOrigin(incoming(spoofed), 0)).toEqual({ clientAddress: "10.0.0.5", proto: "http", host: "liveloop.example:8443" });
    expect(requestOrigin(incoming({ host: "a.example" }, "::1", true), 0)).toMatchObject({ proto: "https" });
  });

  it("takes the address one hop in from the right behind one proxy, ignoring what the client prepended", () => {
    const behindProxy = incoming({ ...spoofed, "x-forwarded-for": "6.6.6.6, 203.0.113.9" });
    expect(requestOrigin(behindProxy, 1)).toEqual({ clientAddress: "203.0.113.9", proto: "https", host: "evil.example" });
    expect(requestOrigin(incoming({ ...spoofed, "x-forwarded-for": "7.7.7.7, 203.0.113.9, 10.1.1.1" }), 2).clientAddress).toBe(
      "203.0.113.9",
    );
  });

  it("takes the protocol and host the proxy appended, not what the client put in front", () => {
    const appended = incoming({
      host: "h.example",
      "x-forwarded-proto": "http, https",
      "x-forwarded-host": "evil.example, liveloop.example",
    });
    expect(requestOrigin(appended, 1)).toMatchObject({ proto: "https", host: "liveloop.example" });
  });

  it("falls back to the socket when a trusted proxy sent nothing, and ignores an odd protocol", () => {
    expect(requestOrigin(incoming({ host: "h.example", "x-forwarded-proto": "gopher" }), 1)).toEqual({
      clientAddress: "10.0.0.5",
      proto: "http",
      host: "h.example",
    });
  });
});

describe("applyRequestOrigin", () => {
  it("replaces whatever the client sent with what was established", () => {
    const request = incoming(spoofed);
    applyRequestOrigin(request, requestOrigin(request, 0));
    expect(request.headers).toMatchObject({
      [clientAddressHeader]: "10.0.0.5",
      "x-forwarded-for": "10.0.0.5",
      "x-forwarded-proto": "http",
      "x-forwarded-host": "liveloop.example:8443",
    });
  });
});

describe("addressGroup", () => {
  it("counts IPv6 by its /64 and IPv4 (mapped or not) as it is", () => {
    expect(addressGroup("203.0.113.7")).toBe("203.0.113.7");
    expect(addressGroup("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressGroup("2001:db8:0:1:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:0:1::/64");
    expect(addressGroup("2001:0db8:0000:0001::1")).toBe("2001:db8:0:1::/64");
    expect(addressGroup("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressGroup("::1")).toBe("0:0:0:0::/64");
  });
});
