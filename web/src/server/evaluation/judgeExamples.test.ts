import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { lexstyleEmbedder } from "@/server/embeddings/lexstyleEmbedder";
import { builtinEvaluators } from "@/server/evaluation/builtinEvaluators";
import { checkAnswerJsonSchema } from "@/server/evaluation/builtin/formatAnswerSchema";
import { evaluateTrace, evaluatorScoreId, type EvaluationDependencies } from "@/server/evaluation/evaluateTrace";
import { createEvaluator } from "@/server/evaluation/evaluators";
import { jobsFor, registerEvaluationRuns } from "@/server/evaluation/evaluationRuns";
import { maxJudgeExamples } from "@/server/evaluation/judgeExamples";
import { correctScore } from "@/server/scores/scoreCorrections";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { addMemberWithRole, createProjectWithKeys } from "@/test/factories";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "@/test/fakeOpenAiServer";

const secret = "test-instance-secret-0123456789abcdefghijkl";
// Ingest stamps traces with the real clock, so the test clock starts from it.
const t0 = new Date(Date.now() - 1000);
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

let llm: FakeOpenAiServer;
beforeAll(async () => {
  llm = await startFakeOpenAiServer({ apiKey: "judge-key" });
});
afterAll(async () => {
  await llm.close();
});

const dependencies: EvaluationDependencies = {
  builtins: builtinEvaluators,
  embedder: () => lexstyleEmbedder,
  instanceSecret: () => secret,
  judge: { sleep: () => Promise.resolve() },
  judgeLimit: () => (task) => task(),
};

/** A judge on the fake endpoint with the 0..1 relevance rubric, scoring as soon as a trace arrives. */
async function judgeEvaluator(database: Database, projectId: string, name: string) {
  const created = await createEvaluator(
    database,
    projectId,
    {
      name,
      kind: "llm_judge",
      settleSeconds: 0,
      judge: { baseUrl: llm.url, model: "gpt-4o-mini", apiKey: "judge-key", rubric: "relevance" },
    },
    { instanceSecret: () => secret, checkAnswerJsonSchema, checkJudgeBaseUrl: () => null },
    t0,
  );
  return { ...created, projectId };
}

const verdict = (score: number) => ({ kind: "answer" as const, text: JSON.stringify({ reasoning: "Judged.", score }) });

describe.each(await testDatabaseKinds())("corrections as a judge's few-shot examples on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("shows the judge the latest corrections offered as examples, without a new version", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const annotator = await addMemberWithRole(test.database, project.id, "annotator");
    const judge = await judgeEvaluator(test.database, project.id, "helpfulness_judge");
    // Seven answered questions the judge scores 0.1, then the one it judges with examples.
    const scoredIds = Array.from({ length: 7 }, (_, i) => `q${i + 1}`);
    await ingestTraces(test.database, project.id, [
      ...scoredIds.map((id, i) => ({ id, startTime: "2026-11-27T09:00:00.000Z", input: `Question ${i + 1}?`, output: `Answer ${i + 1}.` })),
      { id: "new", startTime: "2026-11-27T09:00:00.000Z", input: "How long do refunds take?", output: "About a week." },
    ]);
    await registerEvaluationRuns(test.database, judge, [...scoredIds, "new"], { retry: false, now: later(60) });
    const [newJob, ...scoredJobs] = jobsFor(judge, ["new", ...scoredIds]);
    for (const job of scoredJobs) {
      llm.enqueueChat(verdict(0.1));
      expect(await evaluateTrace(test.database, job, dependencies, later(60))).toBe("scored");
    }

    // q1..q6 corrected as examples one minute apart; q7 corrected but kept out of the prompt.
    for (const [i, job] of scoredJobs.entries()) {
      await correctScore(
        test.database,
        project.id,
        evaluatorScoreId(job, judge.name),
        annotator.id,
        { value: 0.9, comment: `Reason ${i + 1}: it answers.`, useAsExample: i < 6 },
        later(120 + i * 60),
      );
    }

    if (!newJob) throw new Error("no job for the new trace");
    const before = llm.chatRequests().length;
    llm.enqueueChat(verdict(0.8));
    expect(await evaluateTrace(test.database, newJob, dependencies, later(1000))).toBe("scored");
    const [request] = llm.chatRequests().slice(before);
    expect(request?.messages.map((message) => message.role)).toEqual([
      "system",
      ...Array.from({ length: maxJudgeExamples }, () => ["user", "assistant"]).flat(),
      "user",
    ]);
    const messages = request?.messages ?? [];
    // Latest first: q6 down to q2 (q1 is past the cap, q7 was not offered).
    const shownQuestions = messages.filter((message, index) => message.role === "user" && index < messages.length - 1);
    expect(shownQuestions.map((message) => /Question (\d)\?/.exec(message.content)?.[1])).toEqual(["6", "5", "4", "3", "2"]);
    expect(messages.filter((message) => message.role === "assistant").map((message) => JSON.parse(message.content) as unknown)).toEqual(
      [6, 5, 4, 3, 2].map((n) => ({ reasoning: `Reason ${n}: it answers.`, score: 0.9 })),
    );
    expect(messages.at(-1)?.content).toContain("How long do refunds take?");
    // Same version: the new trace's score continues the judge's series.
    const scored = await test.database.score.findUnique({
      where: { projectId_id: { projectId: project.id, id: evaluatorScoreId(newJob, judge.name) } },
      select: { evaluatorVersion: true, value: true },
    });
    expect(scored).toEqual({ evaluatorVersion: 1, value: 0.8 });
  });

  it("never shows the judge the trace it is judging as an example", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const annotator = await addMemberWithRole(test.database, project.id, "annotator");
    const judge = await judgeEvaluator(test.database, project.id, "tone_judge");
    await ingestTraces(test.database, project.id, [
      { id: "only", startTime: "2026-11-27T09:00:00.000Z", input: "Is it open on Sunday?", output: "Yes." },
    ]);
    await registerEvaluationRuns(test.database, judge, ["only"], { retry: true, now: later(60) });
    const [job] = jobsFor(judge, ["only"]);
    if (!job) throw new Error("no job");
    llm.enqueueChat(verdict(0.1));
    expect(await evaluateTrace(test.database, job, dependencies, later(60))).toBe("scored");
    await correctScore(
      test.database,
      project.id,
      evaluatorScoreId(job, judge.name),
      annotator.id,
      { value: 1, comment: "Exactly.", useAsExample: true },
      later(120),
    );

    // A backfill of the same version judges the trace again.
    await test.database.evaluationRun.updateMany({ where: { evaluatorId: judge.id }, data: { status: "pending" } });
    const before = llm.chatRequests().length;
    llm.enqueueChat(verdict(0.1));
    expect(await evaluateTrace(test.database, job, dependencies, later(200))).toBe("scored");
    expect(
      llm
        .chatRequests()
        .slice(before)[0]
        ?.messages.map((message) => message.role),
    ).toEqual(["system", "user"]);
  });
});
