import { db } from "@/server/db/client";
import { can, type Role } from "@/server/auth/permissions";
import { listEvaluators } from "@/server/evaluation/evaluators";
import { judgeRubrics } from "@/server/evaluation/judge/judgeRubrics";
import { toxicityLimits } from "@/server/evaluation/builtin/toxicityEvaluator";
import { judgeRubricNames, type JudgeRubricName } from "@/contracts/judge";
import type { EvaluatorView } from "@/contracts/evaluators";
import type { EvaluatorAgreementView } from "@/contracts/evaluatorAgreement";
import { evaluatorsAgreement } from "@/server/evaluation/agreement/evaluatorAgreement";

export interface RubricChoice {
  name: JudgeRubricName;
  description: string;
}

export interface EvaluatorsSettingsView {
  projectId: string;
  evaluators: EvaluatorView[];
  /** Each evaluator's agreement with annotators, in the order of `evaluators`. */
  agreements: EvaluatorAgreementView[];
  /** May add, change, pause and backfill evaluators; others see the table only. */
  manageable: boolean;
  /** The shipped rubrics with their one-line descriptions, in the contract's order. */
  rubrics: RubricChoice[];
  /** What the toxicity detector misses or over-flags, said where it is configured. */
  toxicityLimits: string[];
}

/**
 * The Evaluators settings section. Rubric descriptions and toxicity limits come from the
 * server modules that own them, so the client bundle never pulls in the detectors.
 */
export async function evaluatorsSettingsView(projectId: string, role: Role, now: Date): Promise<EvaluatorsSettingsView> {
  const evaluators = await listEvaluators(db(), projectId, now);
  const agreements = await evaluatorsAgreement(db(), projectId, evaluators);
  return {
    projectId,
    evaluators,
    agreements: evaluators.flatMap((evaluator) => agreements.get(evaluator.id) ?? []),
    manageable: can(role, "evaluators:manage"),
    rubrics: judgeRubricNames.map((name) => ({ name, description: judgeRubrics[name].description })),
    toxicityLimits,
  };
}
