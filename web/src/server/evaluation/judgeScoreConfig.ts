import type { JudgeSettings } from "@/contracts/judge";
import type { Queryable } from "@/server/db/client";
import { judgeRubrics, unitScore, type JudgeScoreConfig } from "@/server/evaluation/judge/judgeRubrics";

/** A judge's range and direction: its rubric's (a template of one's own keeps it), or 0..1 higher-is-better. */
export function judgeScoreConfigOf(judge: Pick<JudgeSettings, "rubric">): JudgeScoreConfig {
  return judge.rubric ? judgeRubrics[judge.rubric].score : unitScore;
}

/** The score config of a judge's score name follows its rubric, so a score outside the range is refused like any other. */
export async function upsertJudgeScoreConfig(
  database: Queryable,
  projectId: string,
  name: string,
  config: JudgeScoreConfig,
): Promise<void> {
  const values = {
    dataType: "numeric" as const,
    minValue: config.min,
    maxValue: config.max,
    categories: [],
    higherIsBetter: config.direction === "higher_is_better",
  };
  await database.scoreConfig.upsert({
    where: { projectId_name: { projectId, name } },
    create: { projectId, name, ...values, description: "Scored by an LLM judge" },
    update: values,
  });
}
