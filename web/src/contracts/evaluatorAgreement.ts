import { z } from "zod";
import { scoreDataTypes } from "@/contracts/scores";

/** Below this many labelled pairs a figure is shown with its n but not read as a verdict on the evaluator. */
export const minimumAgreementSample = 10;

const count = z.number().int().min(0);
const coefficient = (what: string) => z.number().min(-1).max(1).nullable().describe(`${what}; null when undefined`);
const rate = (what: string) => z.number().min(0).max(1).nullable().describe(`${what}; null when undefined`);

export const passFailAgreementSchema = z
  .object({
    n: count.describe("Pairs compared"),
    truePositives: count.describe("Failures both the evaluator and the person called"),
    falsePositives: count.describe("Evaluator called a failure, the person did not"),
    trueNegatives: count.describe("Neither called a failure"),
    falseNegatives: count.describe("The person called a failure, the evaluator did not"),
    precision: rate("Of the evaluator's failures, the share the person agrees with"),
    recall: rate("Of the person's failures, the share the evaluator caught"),
    f1: rate("Harmonic mean of precision and recall"),
    accuracy: rate("Share of pairs that agree"),
    kappa: coefficient("Cohen's kappa of the two pass/fail calls"),
  })
  .strict()
  .describe("Pass/fail agreement, failure being the positive class");
export type PassFailAgreementView = z.infer<typeof passFailAgreementSchema>;

export const scoreAgreementSchema = z
  .object({
    name: z.string().describe("The score name the evaluator gives"),
    dataType: z.enum(scoreDataTypes),
    corrections: z
      .object({
        n: count.describe("Corrections paired with the evaluator's latest score on their trace, one per trace and annotator"),
        kappa: coefficient("Cohen's kappa, categorical and boolean scores"),
        pearson: coefficient("Pearson's r, numeric scores"),
        spearman: coefficient("Spearman's rho with average ranks for ties, numeric scores"),
        passFail: passFailAgreementSchema
          .nullable()
          .describe("Boolean scores: failure is the value the score's config names as bad (true without a threshold)"),
      })
      .strict()
      .describe("The evaluator's score against what annotators corrected it to"),
    verdicts: passFailAgreementSchema
      .nullable()
      .describe(
        "The evaluator's pass/fail (at or past the review threshold = fail) against annotators' verdicts on the same traces, one per trace and annotator; null when the score has no threshold",
      ),
  })
  .strict();
export type ScoreAgreementView = z.infer<typeof scoreAgreementSchema>;

export const evaluatorAgreementSchema = z
  .object({
    evaluatorId: z.string(),
    minimumSample: count.describe("Pairs below which the figures are too few to judge the evaluator by"),
    scores: z.array(scoreAgreementSchema).describe("One entry per score name the evaluator gives"),
  })
  .strict();
export type EvaluatorAgreementView = z.infer<typeof evaluatorAgreementSchema>;
