import http from "node:http";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiRoute } from "@/server/api/route";
import { createRateLimiter } from "@/server/api/rateLimiter";
import { feedbackIngestRoute } from "@/server/feedback/feedbackRoutes";
import { feedbackLimits } from "@/contracts/feedback";
import { openTestDatabase, type TestDatabase } from "@/test/testDatabase";
import { createProjectWithKeys } from "@/test/factories";
import { serveRoutes, type RouteServer } from "@/test/routeServer";

interface Answer {
  status: number;
  body: string;
  /** Bytes of the request body written before the answer arrived. */
  writtenBeforeAnswer: number;
}

/**
 * A POST over a raw connection that declares `declaredLength` (or none: chunked) and then
 * writes the body a chunk at a time, only after the previous chunk left, stopping as soon
 * as an answer arrives: what a slow uploader does, and what lets a test see whether the
 * server answered before reading the body.
 */
function slowUpload(
  url: string,
  options: { key?: string; declaredLength?: number; totalBytes: number; chunkBytes?: number; contentType?: string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "content-type": options.contentType ?? "application/json" };
    if (options.key) headers.authorization = `Bearer ${options.key}`;
    if (options.declaredLength !== undefined) headers["content-length"] = String(options.declaredLength);
    const request = http.request(`${url}/api/v1/feedback`, { method: "POST", headers });
    let written = 0;
    let answered = false;
    const chunk = Buffer.alloc(options.chunkBytes ?? 16 * 1024, " ");
    const writeNext = () => {
      if (answered) return;
      if (written >= options.totalBytes) {
        request.end();
        return;
      }
      written += chunk.byteLength;
      request.write(chunk, () => setImmediate(writeNext));
    };
    request.on("response", (response) => {
      answered = true;
      const writtenBeforeAnswer = written;
      const parts: Buffer[] = [];
      response.on("data", (part: Buffer) => parts.push(part));
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(parts).toString("utf8"), writtenBeforeAnswer });
        request.destroy();
      });
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    request.flushHeaders();
    writeNext();
  });
}

// PGlite is enough here: what is under test is the HTTP bridge in front of the wrapper.
// The uploads send no Origin, as a script would: their keys allow any origin (*).
describe("the lean ingest bridge under hostile uploads", () => {
  let test: TestDatabase;
  let server: RouteServer;
  beforeAll(async () => {
    test = await openTestDatabase("pglite");
    const route = createApiRoute({
      database: () => test.database,
      rateLimiter: () => createRateLimiter(1_000_000),
      sessionUser: () => Promise.resolve(null),
      now: () => new Date(),
    });
    server = await serveRoutes({ "POST /api/v1/feedback": route(feedbackIngestRoute) });
  });
  afterAll(async () => {
    await server.close();
    await test.close();
  });

  it("answers an upload without a key (401) before reading its body", async () => {
    const answer = await slowUpload(server.url, { declaredLength: 8 * 1024 * 1024, totalBytes: 8 * 1024 * 1024 });
    expect(answer.status).toBe(401);
    // The server answered while the client was still sending: it did not wait for 8 MB.
    expect(answer.writtenBeforeAnswer).toBeLessThan(8 * 1024 * 1024);
  });

  it("answers an unknown key (401) before reading a body of undeclared length", async () => {
    const answer = await slowUpload(server.url, { key: "pk_unknown_0000000000000000", totalBytes: 8 * 1024 * 1024 });
    expect(answer.status).toBe(401);
    expect(answer.writtenBeforeAnswer).toBeLessThan(8 * 1024 * 1024);
  });

  it("refuses a declared length over the route's own cap (413) before reading, with a problem body", async () => {
    const { publicKey } = await createProjectWithKeys(test.database, { allowedOrigins: ["*"] });
    const declaredLength = feedbackLimits.maxBodyBytes + 1;
    const answer = await slowUpload(server.url, { key: publicKey.key, declaredLength, totalBytes: declaredLength, chunkBytes: 1024 });
    expect(answer.status).toBe(413);
    expect(answer.writtenBeforeAnswer).toBeLessThan(declaredLength);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 413, detail: `The body must be at most ${feedbackLimits.maxBodyBytes} bytes` });
  });

  it("stops a chunked body at the route's cap with a readable 413, not a reset connection", async () => {
    const { publicKey } = await createProjectWithKeys(test.database, { allowedOrigins: ["*"] });
    const answer = await slowUpload(server.url, { key: publicKey.key, totalBytes: 4 * 1024 * 1024 });
    expect(answer.status).toBe(413);
    expect(answer.writtenBeforeAnswer).toBeLessThan(4 * 1024 * 1024);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 413 });
  });

  it("answers 413 and stays up when the client sends its whole over-cap body to the end regardless", async () => {
    const { publicKey } = await createProjectWithKeys(test.database, { allowedOrigins: ["*"] });
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${server.url}/api/v1/feedback`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${publicKey.key}` },
      });
      request.on("response", (response) => {
        response.resume();
        response.on("end", () => {
          resolve(response.statusCode ?? 0);
        });
      });
      request.on("error", reject);
      // Chunked, and written piece by piece to the very end whatever the answer, as curl does.
      const chunk = Buffer.alloc(8 * 1024, " ");
      let left = (feedbackLimits.maxBodyBytes * 3) / chunk.byteLength;
      const writeNext = () => {
        if (left-- > 0) request.write(chunk, () => setImmediate(writeNext));
        else request.end();
      };
      writeNext();
    });
    expect(status).toBe(413);
    // The server is still there to answer (an exception from the body's 'end' would have taken it down).
    expect((await fetch(`${server.url}/still-there`)).status).toBe(404);
  });

  it("refuses a content type it does not take (415) before reading", async () => {
    const { publicKey } = await createProjectWithKeys(test.database, { allowedOrigins: ["*"] });
    const answer = await slowUpload(server.url, {
      key: publicKey.key,
      contentType: "application/octet-stream",
      declaredLength: 1024 * 1024,
      totalBytes: 1024 * 1024,
    });
    expect(answer.status).toBe(415);
    expect(answer.writtenBeforeAnswer).toBeLessThan(1024 * 1024);
  });

  it("still stores a batch sent in small pieces, and keeps the connection usable", async () => {
    const { project, publicKey } = await createProjectWithKeys(test.database, { allowedOrigins: ["*"] });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const post = (body: string) =>
      new Promise<number>((resolve, reject) => {
        const request = http.request(`${server.url}/api/v1/feedback`, {
          method: "POST",
          agent,
          headers: { authorization: `Bearer ${publicKey.key}`, "content-type": "application/json" },
        });
        request.on("response", (response) => {
          response.resume();
          response.on("end", () => {
            resolve(response.statusCode ?? 0);
          });
        });
        request.on("error", reject);
        // Three writes: the body reaches the server in several chunks.
        const third = Math.ceil(body.length / 3);
        request.write(body.slice(0, third));
        request.write(body.slice(third, 2 * third));
        request.end(body.slice(2 * third));
      });
    const batch = (id: string) =>
      JSON.stringify({ events: [{ id, type: "thumb", value: 1, traceId: "t", timestamp: new Date().toISOString() }] });
    expect(await post(batch(randomUUID()))).toBe(200);
    expect(await post(batch(randomUUID()))).toBe(200);
    agent.destroy();
    expect(await test.database.feedbackEvent.count({ where: { projectId: project.id } })).toBe(2);
  });
});
