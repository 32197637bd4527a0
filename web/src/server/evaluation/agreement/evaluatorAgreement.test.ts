import { describe, expect, it } from "vitest";
import type { EvaluatorAgreementView, ScoreAgreementView } from "@/contracts/evaluatorAgreement";
import type { Database } from "@/server/db/client";
import { evaluatorAgreementRoute } from "@/server/evaluation/evaluatorRoutes";
import { humanVerdictScore } from "@/server/review/annotateItem";
import { createProjectWithKeys, createUser } from "@/test/factories";
import { callWithKey, testApiRoute } from "@/test/testApiRoute";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";

const now = new Date("2026-11-27T10:00:00.000Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

interface Fixture {
  database: Database;
  projectId: string;
}

async function addTraces({ database, projectId }: Fixture, ids: string[]) {
  await database.trace.createMany({ data: ids.map((id) => ({ projectId, id, startTime: minutesAgo(600), contentHash: id })) });
}

async function addEvaluator(
  { database, projectId }: Fixture,
  kind: "relevance" | "pii_leak" | "toxicity" | "llm_judge",
  name: string = kind,
) {
  return database.evaluator.create({ data: { projectId, kind, name, version: 2 }, select: { id: true, name: true } });
}

type Value = { value: number } | { category: string };

async function addEvaluatorScore(
  { database, projectId }: Fixture,
  evaluator: { id: string; name: string },
  score: { traceId: string; version?: number; minutesAgo: number; dataType?: "numeric" | "boolean" | "categorical" } & Value,
) {
  const { traceId, version = 2, minutesAgo: ago, dataType = "numeric", ...value } = score;
  const id = `evaluator:${evaluator.id}:${version}:${traceId}`;
  await database.score.create({
    data: {
      projectId,
      id,
      traceId,
      name: evaluator.name,
      dataType,
      ...value,
      source: "evaluator",
      evaluatorId: evaluator.id,
      evaluatorName: evaluator.name,
      evaluatorVersion: version,
      createdAt: minutesAgo(ago),
    },
  });
  return id;
}

/** A correction as the correction write path stores it: same trace, name and type as the corrected score. */
async function addCorrection({ database, projectId }: Fixture, scoreId: string, userId: string, value: Value, ago: number) {
  const corrected = await database.score.findUniqueOrThrow({ where: { projectId_id: { projectId, id: scoreId } } });
  await database.score.create({
    data: {
      projectId,
      id: `correction:${scoreId}:${userId}`,
      traceId: corrected.traceId,
      name: corrected.name,
      dataType: corrected.dataType,
      ...value,
      source: "annotation",
      correctsScoreId: scoreId,
      authorId: userId,
      createdAt: minutesAgo(ago),
    },
  });
}

/** A human verdict as annotateItem stores it: 1 a good answer, 0 a failure. */
async function addVerdict({ database, projectId }: Fixture, traceId: string, itemId: string, userId: string, good: boolean, ago: number) {
  await database.score.create({
    data: {
      projectId,
      id: `annotation:${itemId}:${userId}`,
      traceId,
      name: humanVerdictScore,
      dataType: "boolean",
      value: good ? 1 : 0,
      source: "annotation",
      authorId: userId,
      createdAt: minutesAgo(ago),
    },
  });
}

describe.each(await testDatabaseKinds())("evaluator agreement endpoint on %s", (kind) => {
  const test = useTestDatabase(kind);

  async function setUp() {
    const { project, secretKey } = await createProjectWithKeys(test.database);
    const fixture = { database: test.database, projectId: project.id };
    const [ann, bob] = await Promise.all([createUser(test.database), createUser(test.database)]);
    const handler = testApiRoute(test.database, now)(evaluatorAgreementRoute);
    const agreementOf = async (evaluatorId: string) => {
      const response = await callWithKey(handler, secretKey.key, {
        method: "GET",
        path: `/api/v1/evaluators/${evaluatorId}/agreement`,
        params: { evaluatorId },
      });
      return { status: response.status, body: (await response.json()) as EvaluatorAgreementView };
    };
    return { fixture, ann: ann.id, bob: bob.id, agreementOf };
  }

  const figuresOf = (view: EvaluatorAgreementView, name: string): ScoreAgreementView => {
    const found = view.scores.find((score) => score.name === name);
    expect(found, `${name} in ${JSON.stringify(view.scores.map((score) => score.name))}`).toBeDefined();
    return found as ScoreAgreementView;
  };

  it("compares the latest score per trace with corrections and verdicts, each trace and annotator once", async () => {
    const { fixture, ann, bob, agreementOf } = await setUp();
    await addTraces(fixture, ["t1", "t2", "t3", "t4", "t5", "t6", "t7"]);
    const relevance = await addEvaluator(fixture, "relevance");
    const toxicity = await addEvaluator(fixture, "toxicity");
    // Trace t1 was scored 0.9 by version 1, then 0.1 by version 2: only 0.1 is compared.
    const t1v1 = await addEvaluatorScore(fixture, relevance, { traceId: "t1", version: 1, value: 0.9, minutesAgo: 500 });
    const t1 = await addEvaluatorScore(fixture, relevance, { traceId: "t1", value: 0.1, minutesAgo: 100 });
    const ids: Record<string, string> = {};
    for (const [traceId, value] of [
      ["t2", 0.8],
      ["t3", 0.15],
      ["t4", 0.6],
      ["t5", 0.3],
      ["t6", 0.05],
    ] as const)
      ids[traceId] = await addEvaluatorScore(fixture, relevance, { traceId, value, minutesAgo: 100 });
    const toxicT2 = await addEvaluatorScore(fixture, toxicity, { traceId: "t2", value: 0.9, minutesAgo: 100 });

    // Ann corrected t1 under version 1, then again under version 2: her later word (0.2) counts.
    await addCorrection(fixture, t1v1, ann, { value: 0.7 }, 400);
    await addCorrection(fixture, t1, ann, { value: 0.2 }, 50);
    await addCorrection(fixture, ids.t2 ?? "", ann, { value: 0.9 }, 50);
    await addCorrection(fixture, ids.t3 ?? "", ann, { value: 0.4 }, 50);
    await addCorrection(fixture, ids.t3 ?? "", bob, { value: 0.1 }, 50);
    await addCorrection(fixture, ids.t4 ?? "", bob, { value: 0.6 }, 50);
    await addCorrection(fixture, ids.t5 ?? "", ann, { value: 0.3 }, 50);
    // Another evaluator's correction is not relevance's.
    await addCorrection(fixture, toxicT2, ann, { value: 0.1 }, 50);

    // Relevance fails at or below 0.2: t1, t3 and t6 fail.
    await addVerdict(fixture, "t1", "i1", ann, false, 40); // failure, flagged: TP
    await addVerdict(fixture, "t1", "i1", bob, false, 40); // TP
    await addVerdict(fixture, "t2", "i2", ann, true, 40); // TN
    await addVerdict(fixture, "t3", "i3", ann, true, 40); // flagged a good answer: FP
    await addVerdict(fixture, "t4", "i4", ann, false, 40); // superseded by Ann's later verdict on t4
    await addVerdict(fixture, "t4", "i4b", ann, true, 30); // TN
    await addVerdict(fixture, "t5", "i5", bob, false, 40); // missed failure: FN
    await addVerdict(fixture, "t7", "i7", bob, false, 40); // relevance never scored t7: not compared

    const { status, body } = await agreementOf(relevance.id);
    expect(status).toBe(200);
    expect(body.minimumSample).toBe(10);
    const figures = figuresOf(body, "relevance");
    // scipy.stats.pearsonr / spearmanr of x = [0.1, 0.8, 0.15, 0.15, 0.6, 0.3], y = [0.2, 0.9, 0.4, 0.1, 0.6, 0.3].
    expect(figures.corrections).toMatchObject({ n: 6, kappa: null, passFail: null });
    expect(figures.corrections.pearson).toBeCloseTo(0.9306400580882576, 12);
    expect(figures.corrections.spearman).toBeCloseTo(0.8116794499134278, 12);
    // Kappa of flagged TTFTFF vs failed TTFFFT from the numpy confusion matrix: 1/3.
    expect(figures.verdicts).toMatchObject({
      n: 6,
      truePositives: 2,
      falsePositives: 1,
      trueNegatives: 2,
      falseNegatives: 1,
      precision: 2 / 3,
      recall: 2 / 3,
      accuracy: 4 / 6,
    });
    expect(figures.verdicts?.f1).toBeCloseTo(2 / 3, 12);
    expect(figures.verdicts?.kappa).toBeCloseTo(1 / 3, 12);
  });

  it("uses kappa and F1 for booleans, kappa for categories, and has no verdict figures without a threshold", async () => {
    const { fixture, ann, agreementOf } = await setUp();
    await addTraces(fixture, ["a", "b", "c", "d", "e"]);
    const pii = await addEvaluator(fixture, "pii_leak");
    // pii_leak: true (1) is the failure.
    for (const [traceId, judged, corrected] of [
      ["a", 1, 1],
      ["b", 1, 0],
      ["c", 0, 0],
      ["d", 0, 0],
      ["e", 0, 1],
    ] as const) {
      const id = await addEvaluatorScore(fixture, pii, { traceId, value: judged, dataType: "boolean", minutesAgo: 100 });
      await addCorrection(fixture, id, ann, { value: corrected }, 50);
    }
    const piiFigures = figuresOf((await agreementOf(pii.id)).body, "pii_leak");
    // numpy kappa of [1,1,0,0,0] vs [1,0,0,0,1]: 1/6.
    expect(piiFigures.corrections).toMatchObject({ n: 5, pearson: null, spearman: null });
    expect(piiFigures.corrections.kappa).toBeCloseTo(1 / 6, 12);
    expect(piiFigures.corrections.passFail).toMatchObject({ n: 5, truePositives: 1, falsePositives: 1, falseNegatives: 1, f1: 0.5 });
    expect(piiFigures.verdicts).toMatchObject({ n: 0, f1: null, kappa: null, accuracy: null });

    const tone = await addEvaluator(fixture, "llm_judge", "tone");
    await fixture.database.scoreConfig.create({
      data: { projectId: fixture.projectId, name: "tone", dataType: "categorical", categories: ["polite", "rude", "neutral"] },
    });
    for (const [traceId, judged, corrected] of [
      ["a", "polite", "polite"],
      ["b", "rude", "polite"],
      ["c", "neutral", "neutral"],
      ["d", "rude", "rude"],
    ] as const) {
      const id = await addEvaluatorScore(fixture, tone, { traceId, category: judged, dataType: "categorical", minutesAgo: 100 });
      await addCorrection(fixture, id, ann, { category: corrected }, 50);
    }
    await addVerdict(fixture, "a", "ia", ann, true, 10);
    const toneFigures = figuresOf((await agreementOf(tone.id)).body, "tone");
    // numpy kappa of [polite, rude, neutral, rude] vs [polite, polite, neutral, rude]: 0.636...
    expect(toneFigures.corrections.n).toBe(4);
    expect(toneFigures.corrections.kappa).toBeCloseTo(0.6363636363636364, 12);
    expect(toneFigures.verdicts).toBeNull();
  });

  it("answers 404 for another project's evaluator", async () => {
    const { agreementOf } = await setUp();
    const other = await createProjectWithKeys(test.database);
    const foreign = await addEvaluator({ database: test.database, projectId: other.project.id }, "relevance");
    expect((await agreementOf(foreign.id)).status).toBe(404);
  });
});
