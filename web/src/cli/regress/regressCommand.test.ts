import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetRunReportSchema } from "@/contracts/datasetRuns";
import { addDatasetItems, publishDatasetVersion } from "@/server/datasets/datasets";
import {
  patchRunRoute,
  putAssertionsRoute,
  runReportRoute,
  uploadRunRoute,
  versionItemsRoute,
} from "@/server/datasets/runs/datasetRunRoutes";
import { createApiRoute } from "@/server/api/route";
import { createRateLimiter } from "@/server/api/rateLimiter";
import { createProjectWithKeys } from "@/test/factories";
import { closedPortUrl, startFakeOpenAiServer, type FakeChatRequestBody, type FakeReply } from "@/test/fakeOpenAiServer";
import { serveRoutes, type RouteServer } from "@/test/routeServer";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";

// The command as CI runs it: the bin in its own process, against a real Liveloop API over
// HTTP (the real route wrapper on a test database) and a candidate that speaks the Chat
// Completions protocol over a socket.

const bin = fileURLToPath(new URL("../../../bin/liveloop.mjs", import.meta.url));

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `liveloop regress …` and resolves when it exits (asynchronously: the API it calls lives in this process). */
function regress(args: string[], environment: Record<string, string>): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, "regress", ...args], {
      env: { ...process.env, ...environment },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.once("error", reject);
    child.once("close", (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

const questions = {
  "refund-window": { question: "How long do refunds take?", answer: "Refunds take 14 days.", severity: "critical" },
  "shipping-cost": { question: "What does shipping cost?", answer: "Shipping is free over 50 euros.", severity: "minor" },
  "opening-hours": { question: "When are you open?", answer: "We are open 9 to 5 on weekdays.", severity: null },
  "return-label": { question: "Where is my return label?", answer: "The return label is in your account.", severity: null },
} as const;
type ItemName = keyof typeof questions;
const itemNames = Object.keys(questions) as ItemName[];

/** The candidate's reply to a request: the expected answer, unless `reply` says otherwise for that item. */
function candidateFor(reply: (name: ItemName, attempt: number) => FakeReply | null) {
  const attempts = new Map<ItemName, number>();
  return (request: FakeChatRequestBody): FakeReply => {
    const asked = request.messages.at(-1)?.content;
    const name = itemNames.find((candidate) => questions[candidate].question === asked);
    if (!name) return { kind: "status", status: 400 };
    const attempt = (attempts.get(name) ?? 0) + 1;
    attempts.set(name, attempt);
    return reply(name, attempt) ?? { kind: "answer", text: questions[name].answer };
  };
}

describe.each(await testDatabaseKinds())("npx liveloop regress against Liveloop on %s", (kind) => {
  const test = useTestDatabase(kind);
  let liveloop: RouteServer;
  let environment: Record<string, string>;
  const required = (endpoint: string, release: string) => [
    "--dataset",
    "golden",
    "--release",
    release,
    "--endpoint",
    endpoint,
    "--model",
    "candidate-model",
    "--attempts",
    "3",
  ];

  beforeAll(async () => {
    const { project, secretKey } = await createProjectWithKeys(test.database);
    const items = itemNames.map((name) => ({
      id: name,
      input: [
        { role: "system", content: "You answer for a small shop." },
        { role: "user", content: questions[name].question },
      ],
      expectedOutput: questions[name].answer,
      ...(questions[name].severity ? { severity: questions[name].severity } : {}),
      category: "support",
    }));
    expect((await addDatasetItems(test.database, project.id, "golden", items)).accepted).toHaveLength(4);
    await publishDatasetVersion(test.database, project.id, "golden");
    // A running clock: the default baseline is the latest passing run created before the one reported.
    const route = createApiRoute({
      database: () => test.database,
      rateLimiter: () => createRateLimiter(100_000),
      sessionUser: () => Promise.resolve(null),
      now: () => new Date(),
    });
    liveloop = await serveRoutes({
      "GET /api/v1/datasets/{name}/versions/{version}/items": route(versionItemsRoute),
      "PUT /api/v1/datasets/{name}/assertions": route(putAssertionsRoute),
      "POST /api/v1/datasets/{name}/runs": route(uploadRunRoute),
      "GET /api/v1/datasets/{name}/runs/{run}": route(runReportRoute),
      "PATCH /api/v1/datasets/{name}/runs/{run}": route(patchRunRoute),
    });
    environment = { LIVELOOP_URL: liveloop.url, LIVELOOP_SECRET_KEY: secretKey.key, OPENAI_API_KEY: "sk-candidate" };
    // Exact match only: whether an answer passes must not hang on an embedder's judgement.
    const assertions = await fetch(`${liveloop.url}/api/v1/datasets/golden/assertions`, {
      method: "PUT",
      headers: { authorization: `Bearer ${secretKey.key}`, "content-type": "application/json" },
      body: JSON.stringify({ assertions: [{ type: "exact" }] }),
    });
    expect(assertions.status).toBe(200);
  });
  afterAll(() => liveloop.close());

  async function report(run: string) {
    const answer = await fetch(`${liveloop.url}/api/v1/datasets/golden/runs/${run}`, {
      headers: { authorization: `Bearer ${environment.LIVELOOP_SECRET_KEY ?? ""}` },
    });
    return datasetRunReportSchema.parse(await answer.json());
  }

  it("passes a good candidate (exit 0), records the pass, and fails a bad one (exit 1) naming the newly failing items", async () => {
    const good = await startFakeOpenAiServer({ apiKey: "sk-candidate", chat: candidateFor(() => null) });
    try {
      const passed = await regress([...required(good.url, "v1"), "--run-name", "v1-good"], environment);
      expect(passed.stdout).toContain("Gate PASSED");
      expect(passed.stdout).toContain("Pass rate 100.0% (4/4 passed, minimum 95.0%)");
      expect(passed.code).toBe(0);
      expect(good.chatRequests().map((request) => request.temperature)).toEqual([0, 0, 0, 0]);
      expect(await report("v1-good")).toMatchObject({ passing: true, gate: { passed: true } });
    } finally {
      await good.close();
    }

    const wrong: Partial<Record<ItemName, string>> = {
      "refund-window": "Refunds take 30 days.",
      "shipping-cost": "Shipping costs 5 euros.",
    };
    const bad = await startFakeOpenAiServer({
      apiKey: "sk-candidate",
      chat: candidateFor((name) => (wrong[name] ? { kind: "answer", text: wrong[name] } : null)),
    });
    try {
      const failed = await regress([...required(bad.url, "v2"), "--run-name", "v2-bad"], environment);
      expect(failed.code).toBe(1);
      expect(failed.stdout).toContain("Compared with v1-good (v1): 2 newly failing, 0 newly passing, 2 unchanged");
      expect(failed.stdout).toContain("Newly failing:\n  refund-window [critical, support]");
      expect(failed.stdout).toContain("diff: Refunds take [-14 -]{+30 +}days.");
      expect(failed.stdout).toContain("  - pass rate 50.0% (2/4) is below the minimum 95.0%");
      expect(failed.stdout).toContain("  - 1 critical item newly failing against v1-good: refund-window");
      // The failing run is recorded as failing, so it never becomes a baseline.
      expect(await report("v2-bad")).toMatchObject({ passing: false, gate: { passed: false } });
    } finally {
      await bad.close();
    }
  });

  it("retries an endpoint that fails half its calls, then fails the gate naming the items it never answered", async () => {
    // Every first call fails (429 or 500, asking for a short wait), and two items never get an answer.
    const neverAnswered = new Set<ItemName>(["opening-hours", "return-label"]);
    const flaky = await startFakeOpenAiServer({
      apiKey: "sk-candidate",
      chat: candidateFor((name, attempt) =>
        neverAnswered.has(name) || attempt === 1
          ? { kind: "status", status: attempt % 2 === 0 ? 429 : 500, headers: { "retry-after-ms": "5" } }
          : null,
      ),
    });
    try {
      const result = await regress([...required(flaky.url, "v3"), "--run-name", "v3-flaky"], environment);
      expect(result.code).toBe(1);
      // Two items answered at their second try; two failed all three.
      expect(flaky.chatRequests()).toHaveLength(2 * 2 + 2 * 3);
      expect(result.stderr).toMatch(/4\/4 items, 2 failed, 6 retries/);
      expect(result.stdout).toMatch(
        /- 2 items got no answer from the candidate: (opening-hours|return-label) \(.*HTTP 500.*gave up after 3 attempts\)/,
      );
      expect(await report("v3-flaky")).toMatchObject({ passing: false, counts: { missing: 2 } });
    } finally {
      await flaky.close();
    }
  });

  it("exits 2 on usage and connection errors, before calling the candidate", async () => {
    const candidate = await startFakeOpenAiServer({ apiKey: "sk-candidate" });
    try {
      const badFlag = await regress([...required(candidate.url, "v4"), "--min-pass-rate", "95"], environment);
      expect(badFlag).toMatchObject({ code: 2, stderr: expect.stringContaining("--min-pass-rate is a share between 0 and 1") as string });

      const badKey = await regress(required(candidate.url, "v4"), { ...environment, LIVELOOP_SECRET_KEY: "sk_not_a_real_key" });
      expect(badKey).toMatchObject({
        code: 2,
        stderr: expect.stringContaining("Liveloop refused LIVELOOP_SECRET_KEY (HTTP 401)") as string,
      });

      const unknownDataset = await regress(
        required(candidate.url, "v4").map((word) => (word === "golden" ? "silver" : word)),
        environment,
      );
      expect(unknownDataset).toMatchObject({ code: 2, stderr: expect.stringContaining("HTTP 404") as string });

      const unreachable = await regress(required(candidate.url, "v4"), {
        ...environment,
        LIVELOOP_URL: (await closedPortUrl()).replace(/\/v1$/, ""),
      });
      expect(unreachable).toMatchObject({ code: 2, stderr: expect.stringContaining("(LIVELOOP_URL) could not be used") as string });

      expect(candidate.chatRequests()).toHaveLength(0);

      const help = await regress(["--help"], {});
      expect(help).toMatchObject({
        code: 0,
        stdout: expect.stringContaining("Exit codes: 0 the gate passed, 1 the gate failed, 2 usage or connection error.") as string,
      });
    } finally {
      await candidate.close();
    }
  });
});
