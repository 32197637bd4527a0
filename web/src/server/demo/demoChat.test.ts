import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerDemoQuestion } from "@/server/demo/demoChat";
import { answerFromFacts } from "@/server/demo/demoResponder";
import { demoPublicKey, ensureDemoProject } from "@/server/demo/demoProject";
import { ingestFeedback } from "@/server/feedback/ingestFeedback";
import { getTrace } from "@/server/traces/traceQueries";
import { authenticateApiKey, revokeApiKey } from "@/server/keys/apiKeys";
import { demoChatRequestSchema } from "@/contracts/demo";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createUser } from "@/test/factories";

const secret = "instance-secret-for-tests-0123456789abcdef";
const question = (message: string, history: { role: "user" | "assistant"; content: string }[] = []) =>
  demoChatRequestSchema.parse({ sessionId: "s-1", message, history });

/** A local server speaking the OpenAI Chat Completions protocol (the real API is not reachable from here). */
let llm: { url: string; requests: { model: string; messages: { role: string; content: string }[] }[]; close(): void };
beforeAll(async () => {
  const requests: typeof llm.requests = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      if (request.url !== "/v1/chat/completions" || request.headers.authorization !== "Bearer llm-key") {
        response.writeHead(404).end();
        return;
      }
      requests.push(JSON.parse(body) as (typeof requests)[number]);
      response.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          id: "chatcmpl-1",
          object: "chat.completion",
          model: "gpt-4o-mini-2024-07-18",
          choices: [{ index: 0, message: { role: "assistant", content: "Go to Account → Reset password." }, finish_reason: "stop" }],
          usage: { prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  llm = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, requests, close: () => server.close() };
});
afterAll(() => {
  llm.close();
});

describe("the demo responder", () => {
  it("answers the same question the same way, and falls back when nothing matches", () => {
    expect(answerFromFacts("Where is my parcel?").topic).toBe("tracking");
    expect(answerFromFacts("How long does delivery take?")).toEqual(answerFromFacts("How long does delivery take?"));
    expect(answerFromFacts("What is the meaning of life?").topic).toBeNull();
  });
});

describe.each(await testDatabaseKinds())("the demo chat on %s", (kind) => {
  const test = useTestDatabase(kind);
  const now = () => new Date("2026-11-27T10:00:00.000Z");

  it("makes a demo project with a derived public key once, and keeps the key revoked once revoked", async () => {
    const user = await createUser(test.database);
    const first = await ensureDemoProject(test.database, user.id, secret);
    const publicKey = demoPublicKey(secret, first.projectId);
    expect(first.publicKey).toBe(publicKey);
    expect(await ensureDemoProject(test.database, user.id, secret)).toEqual(first);
    const key = await authenticateApiKey(test.database, publicKey, now());
    expect(key?.projectId).toBe(first.projectId);
    await revokeApiKey(test.database, first.projectId, key?.id ?? "", now());
    expect(await ensureDemoProject(test.database, user.id, secret)).toEqual({ projectId: first.projectId, publicKey: null });
    expect(await authenticateApiKey(test.database, publicKey, now())).toBeNull();
    // Not brought back under another secret either.
    expect((await ensureDemoProject(test.database, user.id, "another-instance-secret")).publicKey).toBeNull();
    expect(await test.database.apiKey.count({ where: { projectId: first.projectId, revokedAt: null } })).toBe(0);
    expect(await test.database.project.count({ where: { isDemo: true, memberships: { some: { userId: user.id } } } })).toBe(1);
  });

  it("records each answer as a trace and mints a token the feedback ingest accepts", async () => {
    const user = await createUser(test.database);
    const { projectId } = await ensureDemoProject(test.database, user.id, secret);
    let tick = 0;
    const clock = () => new Date(Date.parse("2026-11-27T10:00:00.000Z") + 100 * tick++);
    const reply = await answerDemoQuestion(test.database, projectId, question("How do I return a jacket?"), { llm: null, now: clock });
    expect(reply.answer).toMatch(/within 30 days/);
    const trace = await getTrace(test.database, projectId, reply.traceId);
    expect(trace).toMatchObject({
      sessionId: "s-1",
      model: "liveloop-demo-responder",
      release: "demo-1",
      output: reply.answer,
      latencyMs: 200,
    });
    expect(trace.spans.map((span) => [span.id, span.type, span.output])).toEqual([
      ["retrieve", "retrieval", "returns"],
      ["answer", "llm", reply.answer],
    ]);

    const event = { id: "e-1", type: "thumb", value: -1, traceId: reply.traceId, timestamp: now().toISOString() };
    expect((await ingestFeedback(test.database, projectId, [event], now())).rejected[0]?.status).toBe(403);
    const withToken = { ...event, id: "e-2", feedbackToken: reply.feedbackToken };
    expect(await ingestFeedback(test.database, projectId, [withToken], now())).toEqual({ accepted: ["e-2"], duplicates: [], rejected: [] });
  });

  it("asks an OpenAI-compatible model when one is configured, with the conversation so far", async () => {
    const user = await createUser(test.database);
    const { projectId } = await ensureDemoProject(test.database, user.id, secret);
    const history = [
      { role: "user" as const, content: "Hi" },
      { role: "assistant" as const, content: "Hello! How can I help?" },
    ];
    const settings = { url: llm.url, model: "gpt-4o-mini", apiKey: "llm-key" };
    const reply = await answerDemoQuestion(test.database, projectId, question("I forgot my password", history), { llm: settings, now });
    expect(reply).toMatchObject({ answer: "Go to Account → Reset password.", model: "gpt-4o-mini-2024-07-18" });
    expect(llm.requests.at(-1)?.messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    const trace = await getTrace(test.database, projectId, reply.traceId);
    expect(trace.usage).toEqual({ inputTokens: 42, outputTokens: 7 });

    await expect(
      answerDemoQuestion(test.database, projectId, question("x"), { llm: { ...settings, apiKey: "wrong" }, now }),
    ).rejects.toMatchObject({ status: 502 });
  });
});
