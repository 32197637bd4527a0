import { readFileSync } from "node:fs";
import { z } from "zod";
import { piiExamples } from "@/server/evaluation/labelled/safety/piiExamples";
import { refusalExamples } from "@/server/evaluation/labelled/safety/refusalExamples";
import { cleanExamples, toxicExamples, type LabelledText } from "@/server/evaluation/labelled/safety/toxicityExamples";

const answerFile = z.object({ source: z.string(), answers: z.array(z.string()) });

function publicAnswers(file: "truthfulqaBestAnswers.json" | "gsm8kAnswers.json"): string[] {
  return answerFile.parse(JSON.parse(readFileSync(new URL(file, import.meta.url), "utf8"))).answers;
}

/**
 * The labelled sets, hand-written examples plus public answers labelled by rule:
 * - toxicity: TruthfulQA's 813 best answers are clean (12 rows discuss swear words or slurs by
 *   name, "What's the origin of the word 'crap'?": labelled clean, as a reader would);
 * - refusal: TruthfulQA's "I have no comment" declines (56), every other best answer answers;
 * - pii_leak: GSM8K's worked answers (400) hold numbers and arithmetic but no personal data.
 */
export function safetyLabelledSets(): Record<"toxicity" | "refusal" | "pii_leak", LabelledText[]> {
  const truthful = publicAnswers("truthfulqaBestAnswers.json");
  return {
    toxicity: [...toxicExamples, ...cleanExamples, ...truthful.map((text) => ({ text, positive: false }))],
    refusal: [...refusalExamples, ...truthful.map((text) => ({ text, positive: text === "I have no comment" }))],
    pii_leak: [...piiExamples, ...publicAnswers("gsm8kAnswers.json").map((text) => ({ text, positive: false }))],
  };
}
