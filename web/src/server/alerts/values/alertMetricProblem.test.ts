import { describe, expect, it } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "@/test/testDatabase";
import { createBareDriftBaseline, createProjectWithKeys } from "@/test/factories";
import { parseAlertMetric, type AlertMetric } from "@/contracts/alertMetrics";
import { scoreConfigInputSchema } from "@/contracts/scores";
import { ingestTraces } from "@/server/traces/ingestTraces";
import { ingestScores } from "@/server/scores/ingestScores";
import { saveScoreConfig } from "@/server/scores/scoreConfigs";
import { alertMetricProblem, scoreMetricRange } from "@/server/alerts/values/alertMetricProblem";

const now = new Date("2026-11-27T12:00:00.000Z");

const metric = (name: string): AlertMetric => {
  const parsed = parseAlertMetric(name);
  if (typeof parsed === "string") throw new Error(parsed);
  return parsed;
};

describe.each(await testDatabaseKinds())("alert metric checks needing the project's data on %s", (kind) => {
  const test = useTestDatabase(kind);

  it("refuses scores, evaluators and drift baselines the project does not have, naming the field", async () => {
    const { project } = await createProjectWithKeys(test.database);
    const problem = (name: string, filter = {}) => alertMetricProblem(test.database, project.id, metric(name), filter);
    await ingestTraces(test.database, project.id, [{ id: "t1", startTime: "2026-11-27T11:00:00.000Z" }]);
    await ingestScores(
      test.database,
      project.id,
      [
        { traceId: "t1", name: "tone", value: 0.4 },
        { traceId: "t1", name: "topic", category: "billing" },
      ],
      now,
    );
    await saveScoreConfig(test.database, project.id, "groundedness", scoreConfigInputSchema.parse({ dataType: "numeric" }));

    // A score with a config (built-in or the project's) or with scores is known; trace metrics need nothing.
    expect(await problem("score:hallucination:avg")).toBeNull();
    expect(await problem("score:groundedness:share_above:0.5")).toBeNull();
    expect(await problem("score:tone:avg")).toBeNull();
    expect(await problem("latencyP95Ms")).toBeNull();
    expect(await problem("score:tonality:avg")).toEqual({ path: ["metric"], message: expect.stringContaining('"tonality"') as string });
    expect(await problem("score:topic:avg")).toMatchObject({ path: ["metric"], message: expect.stringContaining("categorical") as string });
    expect(await problem("drift:golden:js_distance")).toMatchObject({
      path: ["metric"],
      message: expect.stringContaining('"golden"') as string,
    });
    await createBareDriftBaseline(test.database, project.id, "golden");
    expect(await problem("drift:golden:js_distance")).toBeNull();

    expect(await problem("score:tone:avg", { evaluator: "judge" })).toMatchObject({ path: ["filter", "evaluator"] });
    await test.database.evaluator.create({ data: { projectId: project.id, kind: "llm_judge", name: "judge" } });
    expect(await problem("score:tone:avg", { evaluator: "judge" })).toBeNull();
  });

  it("gives back the range a score's config allows, open where it says nothing", async () => {
    const { project } = await createProjectWithKeys(test.database);
    await saveScoreConfig(
      test.database,
      project.id,
      "stars",
      scoreConfigInputSchema.parse({ dataType: "numeric", minValue: 1, maxValue: 5 }),
    );
    await saveScoreConfig(test.database, project.id, "margin", scoreConfigInputSchema.parse({ dataType: "numeric", minValue: 0 }));
    await saveScoreConfig(test.database, project.id, "safe", scoreConfigInputSchema.parse({ dataType: "boolean" }));
    const range = (name: string) => scoreMetricRange(test.database, project.id, name);
    expect(await range("stars")).toEqual({ min: 1, max: 5 });
    expect(await range("margin")).toEqual({ min: 0, max: null });
    expect(await range("safe")).toEqual({ min: 0, max: 1 });
    // Built in: hallucination is a 0..1 score.
    expect(await range("hallucination")).toEqual({ min: 0, max: 1 });
    expect(await range("never-configured")).toEqual({ min: null, max: null });
  });
});
