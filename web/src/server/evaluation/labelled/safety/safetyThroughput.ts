import { formatEvaluator } from "@/server/evaluation/builtin/formatEvaluator";
import { piiLeakEvaluator } from "@/server/evaluation/builtin/piiLeakEvaluator";
import { refusalEvaluator } from "@/server/evaluation/builtin/refusalEvaluator";
import { toxicityEvaluator } from "@/server/evaluation/builtin/toxicityEvaluator";
import type { BuiltinEvaluator } from "@/server/evaluation/evaluatorTypes";
import { safetyLabelledSets } from "@/server/evaluation/labelled/safety/safetyLabelledSets";
import { answerOnly, safetyContext } from "@/server/evaluation/labelled/safety/safetyTestContext";

/** 2 KB answers built from the labelled texts, so the scanners meet real words and numbers. */
function twoKilobyteAnswers(count: number): string[] {
  const texts = Object.values(safetyLabelledSets())
    .flat()
    .map((item) => item.text);
  const answers: string[] = [];
  for (let i = 0, cursor = 0; i < count; i++) {
    let answer = "";
    while (answer.length < 2048) answer += `${texts[cursor++ % texts.length] ?? ""} `;
    answers.push(answer.slice(0, 2048));
  }
  return answers;
}

// CPU time rather than wall time: these machines are shared, and another process's load
// stretches wall time without telling how much one core of ours can do.
function cpuSecondsSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

export interface SafetyThroughput {
  /** Answers per CPU-second scored by all four safety evaluators in turn. */
  combined: number;
  /** Answers per CPU-second for each evaluator alone. */
  alone: { kind: BuiltinEvaluator["kind"]; perSecond: number }[];
}

/**
 * How many 2 KB answers per CPU-second pii_leak, toxicity, refusal and format score (the
 * format evaluator with a declared schema, so it runs on every answer). For the bench and the
 * measurement script; the target for the built-ins is 300 traces/s/core.
 */
export async function measureSafetyThroughput(rounds = 5): Promise<SafetyThroughput> {
  const answers = twoKilobyteAnswers(200);
  const context = safetyContext({ type: "object" });
  const evaluators = [piiLeakEvaluator, toxicityEvaluator, refusalEvaluator, formatEvaluator];
  const run = async (chosen: BuiltinEvaluator[], times: number) => {
    const started = process.cpuUsage();
    for (let round = 0; round < times; round++) {
      for (const output of answers) for (const evaluator of chosen) await evaluator.evaluate(answerOnly(output), context);
    }
    return (times * answers.length) / cpuSecondsSince(started);
  };
  await run(evaluators, 1); // warm-up: regular expressions and Ajv compile on first use
  const alone = [];
  for (const evaluator of evaluators) alone.push({ kind: evaluator.kind, perSecond: await run([evaluator], rounds) });
  return { combined: await run(evaluators, rounds), alone };
}
