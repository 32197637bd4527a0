import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { createApiRoute } from "@/server/api/route";
import { createRateLimiter } from "@/server/api/rateLimiter";
import type { RouteHandler } from "@/server/api/route";
import { scoreCorrectionRemoveRoute, scoreCorrectRoute, scoreListRoute } from "@/server/scores/scoreRoutes";
import { createEvaluator } from "@/server/evaluation/evaluators";
import { checkAnswerJsonSchema } from "@/server/evaluation/builtin/formatAnswerSchema";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { ingestScores } from "@/server/scores/ingestScores";
import { scoreCorrectionId } from "@/server/scores/scoreCorrections";
import { scoreCorrectionSchema, scoreListSchema } from "@/contracts/scores";
import type { Database } from "@/server/db/client";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { addMemberWithRole, createProjectWithKeys, signedIn } from "@/test/factories";
import { callWithKey, testApiRoute } from "@/test/testApiRoute";

const base = "http://liveloop.test";
const now = new Date("2026-11-27T12:00:00.000Z");
const configuration = {
  instanceSecret: () => "test-instance-secret-0123456789abcdefghijkl",
  checkAnswerJsonSchema,
  checkJudgeBaseUrl: () => null,
};

/** A trace scored by a judge (0.2 on its 0..1 scale), by the built-in PII check and through the API. */
async function scoredTrace(database: Database) {
  const created = await createProjectWithKeys(database);
  const projectId = created.project.id;
  await ingestTraces(database, projectId, [
    { id: "t1", startTime: "2026-11-27T11:00:00.000Z", input: "How long do refunds take?", output: "About a week." },
  ]);
  const judge = await createEvaluator(
    database,
    projectId,
    {
      name: "helpfulness_judge",
      kind: "llm_judge",
      settleSeconds: 60,
      judge: { baseUrl: "http://127.0.0.1:9/v1", model: "gpt-4o-mini", rubric: "relevance" },
    },
    configuration,
    now,
  );
  const pii = await createEvaluator(database, projectId, { name: "pii_leak", kind: "pii_leak", settleSeconds: 60 }, configuration, now);
  const evaluatorScore = (evaluator: { id: string; name: string }, name: string, dataType: "numeric" | "boolean", value: number) => ({
    projectId,
    id: `eval:${evaluator.id}:v1:t1:${name}`,
    traceId: "t1",
    name,
    dataType,
    value,
    source: "evaluator" as const,
    evaluatorId: evaluator.id,
    evaluatorName: evaluator.name,
    evaluatorVersion: 1,
    comment: "Off topic.",
    createdAt: now,
  });
  const judgeScore = evaluatorScore(judge, "helpfulness_judge", "numeric", 0.2);
  const piiScore = evaluatorScore(pii, "pii_leak", "boolean", 1);
  await database.score.createMany({ data: [judgeScore, piiScore] });
  await ingestScores(database, projectId, [{ id: "api-score", traceId: "t1", name: "helpfulness", value: 0.5 }], now);
  return { ...created, projectId, judgeScoreId: judgeScore.id, piiScoreId: piiScore.id };
}

/** The fields a 400 named, with what is wrong with each. */
const issuesOf = async (response: Response) => ((await response.json()) as { errors?: { path: string[]; message: string }[] }).errors ?? [];

describe.each(await testDatabaseKinds())("correcting an evaluator's score on %s", (kind) => {
  const test = useTestDatabase(kind);

  /** The correction endpoints as `user` calls them from the console, through the real wrapper. */
  function asMember(user: { id: string; email: string }, projectId: string) {
    const apiRoute = createApiRoute({
      database: () => test.database,
      rateLimiter: () => createRateLimiter(100_000),
      sessionUser: () => Promise.resolve(signedIn(user)),
      now: () => now,
    });
    const call = (handler: RouteHandler, method: string, scoreId: string, body?: unknown) =>
      handler(
        new NextRequest(`${base}/api/v1/projects/${projectId}/scores/${encodeURIComponent(scoreId)}/correction`, {
          method,
          headers: { origin: base, "content-type": "application/json" },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
        { params: Promise.resolve({ projectId, scoreId }) },
      );
    const [correct, remove] = [apiRoute(scoreCorrectRoute), apiRoute(scoreCorrectionRemoveRoute)];
    return {
      correct: (scoreId: string, body: unknown) => call(correct, "PUT", scoreId, body),
      remove: (scoreId: string) => call(remove, "DELETE", scoreId),
    };
  }

  async function listedScores(secretKey: string) {
    const response = await callWithKey(testApiRoute(test.database, now)(scoreListRoute), secretKey, {
      method: "GET",
      path: "/api/v1/scores?traceId=t1",
    });
    expect(response.status).toBe(200);
    return scoreListSchema.parse(await response.json()).data;
  }

  it("stores an annotator's correction beside the judge's score, and correcting again changes that one", async () => {
    const { projectId, judgeScoreId, secretKey } = await scoredTrace(test.database);
    const ana = await addMemberWithRole(test.database, projectId, "annotator");
    await test.database.user.update({ where: { id: ana.id }, data: { name: "Ana" } });
    const member = asMember(ana, projectId);

    const first = await member.correct(judgeScoreId, {
      value: 0.9,
      comment: "It does answer: a week is the refund time.",
      useAsExample: true,
    });
    expect(first.status).toBe(200);
    expect(scoreCorrectionSchema.parse(await first.json())).toMatchObject({
      id: scoreCorrectionId(judgeScoreId, ana.id),
      traceId: "t1",
      name: "helpfulness_judge",
      dataType: "numeric",
      value: 0.9,
      source: "annotation",
      correctsScoreId: judgeScoreId,
      comment: "It does answer: a week is the refund time.",
      useAsExample: true,
      authorId: ana.id,
      author: "Ana",
    });

    const again = await member.correct(judgeScoreId, { value: 0.7, comment: "Right, but vague." });
    expect(again.status).toBe(200);
    const corrections = (await listedScores(secretKey.key)).filter((score) => score.correctsScoreId === judgeScoreId);
    expect(corrections).toEqual([expect.objectContaining({ value: 0.7, comment: "Right, but vague.", source: "annotation" })]);
    const stored = await test.database.score.findUniqueOrThrow({
      where: { projectId_id: { projectId, id: scoreCorrectionId(judgeScoreId, ana.id) } },
      select: { useAsExample: true, authorId: true },
    });
    // Leaving the flag out takes the example back: the form always sends what it shows.
    expect(stored).toEqual({ useAsExample: false, authorId: ana.id });
    // The judge's own score is untouched.
    expect((await listedScores(secretKey.key)).find((score) => score.id === judgeScoreId)).toMatchObject({ value: 0.2 });
  });

  it("refuses a value the score config refuses, naming the field, and changes nothing", async () => {
    const { projectId, judgeScoreId, piiScoreId } = await scoredTrace(test.database);
    const member = asMember(await addMemberWithRole(test.database, projectId, "annotator"), projectId);

    const outOfRange = await member.correct(judgeScoreId, { value: 1.5, comment: "Great." });
    expect(outOfRange.status).toBe(400);
    expect(await issuesOf(outOfRange)).toEqual([{ path: ["value"], message: "helpfulness_judge must be between 0 and 1; got 1.5" }]);

    const wrongType = await member.correct(piiScoreId, { value: 0.5, comment: "No leak." });
    expect(wrongType.status).toBe(400);
    expect(await issuesOf(wrongType)).toEqual([{ path: ["value"], message: "pii_leak is a boolean score: send true or false" }]);

    const noReason = await member.correct(judgeScoreId, { value: 0.9, comment: "   " });
    expect(noReason.status).toBe(400);
    expect(await noReason.json()).toMatchObject({ errors: [expect.objectContaining({ path: ["comment"] })] });

    // A built-in check is corrected, but it has no prompt to learn from.
    const notAJudge = await member.correct(piiScoreId, { value: false, comment: "No address in it.", useAsExample: true });
    expect(notAJudge.status).toBe(400);
    expect(await notAJudge.json()).toMatchObject({ errors: [expect.objectContaining({ path: ["useAsExample"] })] });

    expect(await test.database.score.count({ where: { projectId, source: "annotation" } })).toBe(0);
    const piiCorrection = await member.correct(piiScoreId, { value: false, comment: "No address in it." });
    expect(piiCorrection.status).toBe(200);
    expect(await piiCorrection.json()).toMatchObject({ dataType: "boolean", value: false, useAsExample: false });
  });

  it("corrects evaluator scores only, of the caller's project, for members who may annotate", async () => {
    const { projectId, judgeScoreId, secretKey } = await scoredTrace(test.database);
    const other = await scoredTrace(test.database);
    const member = asMember(await addMemberWithRole(test.database, projectId, "annotator"), projectId);
    const body = { value: 0.9, comment: "Fine answer." };

    const apiScore = await member.correct("api-score", body);
    expect(apiScore.status).toBe(400);
    expect(((await apiScore.json()) as { detail: string }).detail).toMatch(/Only evaluator scores can be corrected/);
    expect((await member.correct("no-such-score", body)).status).toBe(404);
    // Another project's score is not there for this project's members.
    expect((await member.correct(other.judgeScoreId, body)).status).toBe(404);

    const viewer = asMember(await addMemberWithRole(test.database, projectId, "viewer"), projectId);
    expect((await viewer.correct(judgeScoreId, body)).status).toBe(403);
    // A key speaks for no person, so it cannot give a person's correction.
    const withKey = await callWithKey(testApiRoute(test.database, now)(scoreCorrectRoute), secretKey.key, {
      method: "PUT",
      path: `/api/v1/projects/${projectId}/scores/x/correction`,
      body,
      params: { projectId, scoreId: judgeScoreId },
    });
    expect(withKey.status).toBe(403);
    expect(await test.database.score.count({ where: { projectId, source: "annotation" } })).toBe(0);
  });

  it("takes back the caller's correction and leaves other annotators' alone", async () => {
    const { projectId, judgeScoreId, secretKey } = await scoredTrace(test.database);
    const [ana, ben] = [
      await addMemberWithRole(test.database, projectId, "annotator"),
      await addMemberWithRole(test.database, projectId, "admin"),
    ];
    expect((await asMember(ana, projectId).correct(judgeScoreId, { value: 0.9, comment: "Good." })).status).toBe(200);
    expect((await asMember(ben, projectId).correct(judgeScoreId, { value: 0.6, comment: "Partly." })).status).toBe(200);

    const removed = await asMember(ana, projectId).remove(judgeScoreId);
    expect(removed.status).toBe(204);
    // Again: nothing left to take back is not an error.
    expect((await asMember(ana, projectId).remove(judgeScoreId)).status).toBe(204);
    expect((await asMember(ana, projectId).remove("no-such-score")).status).toBe(404);
    const left = (await listedScores(secretKey.key)).filter((score) => score.correctsScoreId === judgeScoreId);
    expect(left.map((score) => score.value)).toEqual([0.6]);
  });
});
