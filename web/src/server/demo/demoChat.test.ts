import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { answerDemoQuestion } from "@/server/demo/demoChat";
import { answerFromFacts } from "@/server/demo/demoResponder";
import { demoPublicKey, ensureDemoProject, findDemoProject } from "@/server/demo/demoProject";
import { demoPace, demoTokens } from "@/server/demo/demoPace";
import { demoPageView } from "@/server/demo/demoView";
import { createDemoChatRoute, type DemoRouteDependencies } from "@/server/demo/demoRoute";
import { createApiRoute } from "@/server/api/route";
import { createRateLimiter } from "@/server/api/rateLimiter";
import type { Database } from "@/server/db/client";
import { ingestFeedback } from "@/server/feedback/ingestFeedback";
import { getTrace } from "@/server/traces/traceQueries";
import { authenticateApiKey, revokeApiKey } from "@/server/keys/apiKeys";
import { demoChatRequestSchema, demoChatStreamEventSchema, type DemoChatStreamEvent } from "@/contracts/demo";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createUser } from "@/test/factories";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "@/test/fakeOpenAiServer";

const secret = "instance-secret-for-tests-0123456789abcdef";
const question = (message: string, history: { role: "user" | "assistant"; content: string }[] = []) =>
  demoChatRequestSchema.parse({ sessionId: "s-1", message, history });

/** A local server speaking the OpenAI Chat Completions protocol (the real API is not reachable from here). */
let llm: FakeOpenAiServer;
beforeAll(async () => {
  llm = await startFakeOpenAiServer({
    apiKey: "llm-key",
    chat: () => ({
      kind: "answer",
      text: "Go to Account → Reset password.",
      model: "gpt-4o-mini-2024-07-18",
      usage: { prompt_tokens: 42, completion_tokens: 7 },
    }),
  });
});
afterAll(() => llm.close());

/** A clock that only moves when the responder waits: the trace's times are then exactly the pace's. */
function fakeTime(startIso = "2026-11-27T10:00:00.000Z") {
  let ms = Date.parse(startIso);
  return {
    now: () => new Date(ms),
    sleep: (wait: number) => {
      ms += wait;
      return Promise.resolve();
    },
  };
}

describe("the demo responder", () => {
  it("answers the same question the same way, and falls back when nothing matches", () => {
    expect(answerFromFacts("Where is my parcel?").topic).toBe("tracking");
    expect(answerFromFacts("How long does delivery take?")).toEqual(answerFromFacts("How long does delivery take?"));
    expect(answerFromFacts("What is the meaning of life?").topic).toBeNull();
  });

  it("takes as long as a hosted model would, the same each time for the same question", () => {
    const pace = demoPace("How do I return a jacket?");
    const again = demoPace("How do I return a jacket?");
    expect([again.retrievalMs, again.firstTokenMs, again.tokenMs(7)]).toEqual([pace.retrievalMs, pace.firstTokenMs, pace.tokenMs(7)]);
    expect(pace.retrievalMs).toBeGreaterThanOrEqual(60);
    expect(pace.retrievalMs).toBeLessThanOrEqual(150);
    expect(pace.firstTokenMs).toBeGreaterThanOrEqual(250);
    expect(pace.firstTokenMs).toBeLessThanOrEqual(600);
    const gaps = Array.from({ length: 50 }, (_, index) => pace.tokenMs(index + 1));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(15);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(45);
    expect(new Set(gaps).size).toBeGreaterThan(5);
    expect(demoTokens("Orders ship  within 2 days.")).toEqual(["Orders ", "ship  ", "within ", "2 ", "days."]);
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
    const time = fakeTime();
    const streamed: string[] = [];
    const asked = "How do I return a jacket?";
    const reply = await answerDemoQuestion(test.database, projectId, question(asked), {
      llm: null,
      ...time,
      onToken: (text) => streamed.push(text),
    });
    expect(reply.answer).toMatch(/within 30 days/);
    // Streamed a word at a time, and the pieces make the answer.
    expect(streamed.length).toBeGreaterThan(10);
    expect(streamed.join("")).toBe(reply.answer);

    const pace = demoPace(asked);
    const tokenGaps = streamed.slice(1).reduce((sum, _, index) => sum + pace.tokenMs(index + 1), 0);
    const trace = await getTrace(test.database, projectId, reply.traceId);
    expect(trace).toMatchObject({
      sessionId: "s-1",
      model: "liveloop-demo-responder",
      release: "demo-1",
      output: reply.answer,
      usage: { outputTokens: streamed.length },
      latencyMs: pace.retrievalMs + pace.firstTokenMs + tokenGaps,
      ttftMs: pace.retrievalMs + pace.firstTokenMs,
    });
    expect(trace.spans.map((span) => [span.id, span.type, span.output])).toEqual([
      ["retrieve", "retrieval", "returns"],
      ["answer", "llm", reply.answer],
    ]);
    const [retrieve, answer] = trace.spans;
    expect(Date.parse(retrieve?.endTime ?? "") - Date.parse(retrieve?.startTime ?? "")).toBe(pace.retrievalMs);
    expect(Date.parse(answer?.firstTokenTime ?? "") - Date.parse(answer?.startTime ?? "")).toBe(pace.firstTokenMs);
    expect(Date.parse(answer?.endTime ?? "") - Date.parse(answer?.startTime ?? "")).toBe(pace.firstTokenMs + tokenGaps);

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
    const reply = await answerDemoQuestion(test.database, projectId, question("I forgot my password", history), {
      llm: settings,
      now,
      sleep: () => Promise.resolve(),
    });
    expect(reply).toMatchObject({ answer: "Go to Account → Reset password.", model: "gpt-4o-mini-2024-07-18" });
    expect(
      llm
        .chatRequests()
        .at(-1)
        ?.messages.map((m) => m.role),
    ).toEqual(["system", "user", "assistant", "user"]);
    const trace = await getTrace(test.database, projectId, reply.traceId);
    expect(trace.usage).toEqual({ inputTokens: 42, outputTokens: 7 });

    await expect(
      answerDemoQuestion(test.database, projectId, question("x"), {
        llm: { ...settings, apiKey: "wrong" },
        now,
        sleep: () => Promise.resolve(),
      }),
    ).rejects.toMatchObject({ status: 502 });
  });
  it("shows the page without writing: the first question makes the demo project and its key", async () => {
    const user = await createUser(test.database);
    const counts = async () => [await test.database.project.count(), await test.database.apiKey.count()];
    const before = await counts();
    expect(await findDemoProject(test.database, user.id, secret)).toEqual({ projectId: null, publicKey: null, keyRevoked: false });
    expect(await demoPageView(user, { database: test.database, publicDemo: false, instanceSecret: secret })).toEqual({
      status: "ready",
      tracesHref: null,
      publicKey: null,
      keyRevoked: false,
      settingsHref: null,
    });
    expect(await counts()).toEqual(before);

    const made = await ensureDemoProject(test.database, user.id, secret);
    expect(await findDemoProject(test.database, user.id, secret)).toEqual({ ...made, keyRevoked: false });
    const view = await demoPageView(user, { database: test.database, publicDemo: false, instanceSecret: secret });
    expect(view).toMatchObject({ tracesHref: `/projects/${made.projectId}/traces`, publicKey: made.publicKey, keyRevoked: false });

    // Signed out: the sign-in page, unless the instance opened the demo to the public.
    expect(await demoPageView(null, { database: test.database, publicDemo: false, instanceSecret: secret })).toEqual({ status: "signIn" });
  });

  describe("POST /api/demo/chat", () => {
    const post = async (database: Database, overrides: Partial<DemoRouteDependencies>, headers: Record<string, string> = {}) => {
      const time = fakeTime();
      const dependencies: DemoRouteDependencies = {
        publicDemo: () => false,
        sessionUser: () => Promise.resolve(null),
        rateLimiter: () => createRateLimiter(1000),
        instanceSecret: () => secret,
        llm: () => null,
        ...time,
        ...overrides,
      };
      const route = createApiRoute({
        database: () => database,
        rateLimiter: () => createRateLimiter(1000),
        sessionUser: () => Promise.resolve(null),
        now: time.now,
      })(createDemoChatRoute(dependencies));
      const response = await route(
        new NextRequest("http://liveloop.test/api/demo/chat", {
          method: "POST",
          headers: { "content-type": "application/json", "x-liveloop-client-address": "203.0.113.7", ...headers },
          body: JSON.stringify({ sessionId: "s-9", message: "Where is my parcel?" }),
        }),
        {},
      );
      const events =
        response.headers.get("content-type")?.startsWith("application/x-ndjson") === true
          ? (await response.text())
              .split("\n")
              .filter(Boolean)
              .map((line): DemoChatStreamEvent => demoChatStreamEventSchema.parse(JSON.parse(line)))
          : [];
      return { response, events };
    };
    const sessionOf =
      (user: { id: string; email: string }): DemoRouteDependencies["sessionUser"] =>
      () =>
        Promise.resolve({ id: user.id, email: user.email, name: null, isInstanceAdmin: false, sessionId: "session-1" });

    it("streams a signed-in person's answer into their own demo project, and refuses other sites", async () => {
      const user = await createUser(test.database);
      const { response, events } = await post(test.database, { sessionUser: sessionOf(user) });
      expect(response.status).toBe(200);
      const done = events.at(-1);
      if (done?.type !== "done") throw new Error(`expected a reply last, got ${JSON.stringify(done)}`);
      expect(events.slice(0, -1).every((event) => event.type === "token")).toBe(true);
      expect(events.flatMap((event) => (event.type === "token" ? [event.text] : [])).join("")).toBe(done.reply.answer);
      const own = await findDemoProject(test.database, user.id, secret);
      expect(done.reply.publicKey).toBe(own.publicKey);
      expect((await getTrace(test.database, own.projectId ?? "", done.reply.traceId)).sessionId).toBe("s-9");

      const crossSite = await post(
        test.database,
        { sessionUser: sessionOf(user) },
        {
          origin: "https://evil.example",
        },
      );
      expect(crossSite.response.status).toBe(403);
    });

    it("answers signed-out visitors only when the demo is public, in the instance owner's demo project, within rate limits", async () => {
      const signedOut = await post(test.database, {});
      expect(signedOut.response.status).toBe(401);

      const owner = await createUser(test.database);
      await test.database.user.update({ where: { id: owner.id }, data: { isInstanceAdmin: true } });
      const publicView = await demoPageView(null, { database: test.database, publicDemo: true, instanceSecret: secret });
      // A visitor gets no console links: they are not a member.
      expect(publicView).toMatchObject({ status: "ready", tracesHref: null, settingsHref: null, keyRevoked: false });

      const visitor = await post(test.database, { publicDemo: () => true });
      expect(visitor.response.status).toBe(200);
      const done = visitor.events.at(-1);
      if (done?.type !== "done") throw new Error("expected a reply");
      const ownersDemo = await findDemoProject(test.database, owner.id, secret);
      expect(done.reply.publicKey).toBe(ownersDemo.publicKey);
      expect(await getTrace(test.database, ownersDemo.projectId ?? "", done.reply.traceId)).toMatchObject({ output: done.reply.answer });

      const limiter = createRateLimiter(2);
      const limited = { publicDemo: () => true, rateLimiter: () => limiter };
      expect((await post(test.database, limited)).response.status).toBe(200);
      expect((await post(test.database, limited)).response.status).toBe(200);
      const refused = await post(test.database, limited);
      expect(refused.response.status).toBe(429);
      expect(refused.response.headers.get("retry-after")).toBeTruthy();
      // Another address has its own budget.
      expect((await post(test.database, limited, { "x-liveloop-client-address": "198.51.100.4" })).response.status).toBe(200);
    });
  });
});
