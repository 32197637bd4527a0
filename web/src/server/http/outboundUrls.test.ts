import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { postOpenAiJson } from "@/server/llm/openAiHttp";
import { LlmCallError } from "@/server/llm/llmCallError";
import { addressKind, guardedFetch, outboundUrlProblem, outboundUrlProblemNow, type OutboundPolicy } from "./outboundUrls";

const closed: OutboundPolicy = { allowPrivate: false };
const open: OutboundPolicy = { allowPrivate: true };

describe("addressKind", () => {
  it.each([
    ["8.8.8.8", "public"],
    ["1.1.1.1", "public"],
    ["2606:4700:4700::1111", "public"],
    ["172.32.0.1", "public"],
    ["127.0.0.1", "private"],
    ["127.8.9.10", "private"],
    ["10.1.2.3", "private"],
    ["172.20.0.1", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["::1", "private"],
    ["fd12:3456::1", "private"],
    ["::ffff:127.0.0.1", "private"],
    ["169.254.169.254", "forbidden"],
    ["::ffff:169.254.169.254", "forbidden"],
    ["fd00:ec2::254", "forbidden"],
    ["0.0.0.0", "forbidden"],
    ["::", "forbidden"],
    ["fe80::1", "forbidden"],
    ["224.0.0.1", "forbidden"],
  ])("%s is %s", (address, kind) => {
    expect(addressKind(address)).toBe(kind);
  });
});

describe("outboundUrlProblemNow (on save, without DNS)", () => {
  it("refuses loopback and private literals unless the operator allows them, naming the switch", () => {
    for (const url of ["http://localhost:11434/v1", "http://127.0.0.1:8000/v1", "http://[::1]:8000/v1", "http://10.0.0.5/v1"]) {
      expect(outboundUrlProblemNow(url, closed), url).toMatch(/loopback or private address; set LIVELOOP_OUTBOUND_ALLOW_PRIVATE=1/);
      expect(outboundUrlProblemNow(url, open), url).toBeNull();
    }
  });

  it("sees through the other spellings of an address that URL parsing normalises", () => {
    // 2130706433 and 0x7f.1 are 127.0.0.1; 0xA9FEA9FE is 169.254.169.254.
    expect(outboundUrlProblemNow("http://2130706433/v1", closed)).toMatch(/127\.0\.0\.1 is a loopback or private address/);
    expect(outboundUrlProblemNow("http://0x7f.1/v1", closed)).toMatch(/127\.0\.0\.1 is a loopback or private address/);
    expect(outboundUrlProblemNow("http://0xA9FEA9FE/latest", open)).toMatch(/169\.254\.169\.254 is a link-local or reserved address/);
  });

  it("never allows link-local metadata addresses, other schemes or credentials in the URL", () => {
    expect(outboundUrlProblemNow("http://169.254.169.254/latest/meta-data", open)).toMatch(/never calls/);
    expect(outboundUrlProblemNow("http://[fd00:ec2::254]/latest", open)).toMatch(/never calls/);
    expect(outboundUrlProblemNow("file:///etc/passwd", open)).toMatch(/file: URLs are not called/);
    expect(outboundUrlProblemNow("https://user:pass@api.example.com/v1", open)).toMatch(/must not carry a user name or password/);
    expect(outboundUrlProblemNow("not a url", open)).toBe("not a URL");
  });

  it("leaves public addresses and names to the check at call time", () => {
    expect(outboundUrlProblemNow("https://api.openai.com/v1", closed)).toBeNull();
    expect(outboundUrlProblemNow("https://8.8.8.8/v1", closed)).toBeNull();
  });
});

describe("outboundUrlProblem (before each call)", () => {
  const resolvingTo =
    (addresses: string[]): OutboundPolicy["resolve"] =>
    () =>
      Promise.resolve(addresses);

  it("refuses a name when any of its addresses is refused (a public one does not launder a private one)", async () => {
    const policy = { ...closed, resolve: resolvingTo(["93.184.215.14", "10.0.0.7"]) };
    expect(await outboundUrlProblem("https://judge.example.com/v1", policy)).toBe(
      "judge.example.com (10.0.0.7) is a loopback or private address; set LIVELOOP_OUTBOUND_ALLOW_PRIVATE=1 to let this server call loopback and private networks",
    );
    expect(await outboundUrlProblem("https://judge.example.com/v1", { ...open, resolve: resolvingTo(["169.254.169.254"]) })).toMatch(
      /judge\.example\.com \(169\.254\.169\.254\) is a link-local or reserved address/,
    );
    expect(await outboundUrlProblem("https://judge.example.com/v1", { ...closed, resolve: resolvingTo(["93.184.215.14"]) })).toBeNull();
  });

  it("says so when a name does not resolve", async () => {
    const policy: OutboundPolicy = { ...closed, resolve: () => Promise.reject(new Error("getaddrinfo ENOTFOUND judge.invalid")) };
    expect(await outboundUrlProblem("https://judge.invalid/v1", policy)).toBe(
      "judge.invalid could not be resolved (getaddrinfo ENOTFOUND judge.invalid)",
    );
  });
});

describe("guardedFetch", () => {
  const servers: http.Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });
  async function serve(handler: http.RequestListener): Promise<string> {
    const server = http.createServer(handler);
    servers.push(server);
    await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("does not send a request to a refused address", async () => {
    let requests = 0;
    const url = await serve((_request, response) => {
      requests += 1;
      response.end("{}");
    });
    await expect(guardedFetch(closed)(`${url}/v1/chat/completions`, { method: "POST" })).rejects.toThrow(/loopback or private address/);
    expect(requests).toBe(0);
    expect((await guardedFetch(open)(`${url}/v1/chat/completions`, { method: "POST" })).status).toBe(200);
    expect(requests).toBe(1);
  });

  it("does not follow a redirect (an allowed host could send the request on to a refused one)", async () => {
    let redirected = 0;
    const target = await serve((_request, response) => {
      redirected += 1;
      response.end("{}");
    });
    const url = await serve((_request, response) => {
      response.writeHead(307, { location: `${target}/internal` }).end();
    });
    await expect(guardedFetch(open)(`${url}/v1/chat/completions`, { method: "POST" })).rejects.toThrow(TypeError);
    expect(redirected).toBe(0);
  });

  it("makes a refused judge URL a failure that is not retried", async () => {
    const url = await serve((_request, response) => response.end("{}"));
    const failure = await postOpenAiJson(
      { baseUrl: `${url}/v1` },
      "chat/completions",
      {},
      { timeoutMs: 5_000 },
      { fetch: guardedFetch(closed) },
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LlmCallError);
    expect(failure).toMatchObject({ kind: "refused", retryable: false });
    expect((failure as LlmCallError).message).toMatch(/is not called: 127\.0\.0\.1 is a loopback or private address/);
  });
});
