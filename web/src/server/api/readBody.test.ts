import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { createBodyBudget, readRawBody } from "@/server/api/readBody";
import { AppError } from "@/server/errors";

/** A request whose body arrives only when the test says so. */
function pendingUpload(declaredLength: number | null) {
  let push: (bytes: Uint8Array | null) => void = () => undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      push = (bytes) => {
        if (bytes) controller.enqueue(bytes);
        else controller.close();
      };
    },
  });
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (declaredLength !== null) headers["content-length"] = String(declaredLength);
  const request = new NextRequest("http://liveloop.test/upload", { method: "POST", headers, body, duplex: "half" });
  return { request, push };
}

async function statusOf(promise: Promise<unknown>): Promise<{ status: number; headers: Record<string, string> }> {
  try {
    await promise;
    return { status: 200, headers: {} };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { status: error.status, headers: error.headers };
  }
}

describe("reading a body under the process's budget", () => {
  it("answers 503 with Retry-After while other uploads hold the budget, and reads again once they are done", async () => {
    const budget = createBodyBudget(100);
    const first = pendingUpload(80);
    const reading = readRawBody(first.request, ["application/json"], 1_000, { budget });
    // An undeclared length reserves the route's whole cap.
    expect(await statusOf(readRawBody(pendingUpload(null).request, ["application/json"], 50, { budget }))).toEqual({
      status: 503,
      headers: { "Retry-After": "1" },
    });
    expect((await statusOf(readRawBody(pendingUpload(30).request, ["application/json"], 1_000, { budget }))).status).toBe(503);

    first.push(new TextEncoder().encode("{}"));
    first.push(null);
    expect((await reading).bytes).toEqual(new TextEncoder().encode("{}"));
    const second = pendingUpload(90);
    const again = readRawBody(second.request, ["application/json"], 1_000, { budget });
    second.push(null);
    expect((await again).bytes.byteLength).toBe(0);
  });

  it("gives the budget back when a body is refused for its size", async () => {
    const budget = createBodyBudget(100);
    const large = pendingUpload(null);
    const reading = statusOf(readRawBody(large.request, ["application/json"], 60, { budget }));
    large.push(new Uint8Array(61));
    expect((await reading).status).toBe(413);
    expect(budget.reserve(100)).not.toBeNull();
  });

  it("abandons a body that does not arrive in time (408), and gives its share back", async () => {
    const budget = createBodyBudget(100);
    const trickle = pendingUpload(50);
    trickle.push(new Uint8Array(10));
    expect((await statusOf(readRawBody(trickle.request, ["application/json"], 100, { budget, deadlineMs: 20 }))).status).toBe(408);
    expect(budget.reserve(100)).not.toBeNull();
  });

  it("answers a body cut off by the client with 400, not 500", async () => {
    let fail: (error: Error) => void = () => undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(5));
        fail = (error) => {
          controller.error(error);
        };
      },
    });
    const request = new NextRequest("http://liveloop.test/upload", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    });
    const reading = statusOf(readRawBody(request, ["application/json"], 100, { budget: createBodyBudget(100) }));
    fail(new Error("aborted"));
    expect((await reading).status).toBe(400);
  });
});
