// `npx tsx src/server/evaluation/labelled/safety/measureSafety.ts` (from web/, for the @/ alias):
// accuracy, precision and recall of pii_leak, toxicity, refusal and format on their labelled
// sets, the examples each gets wrong, and how many 2 KB answers per second the four score
// together on one core.
import { formatEvaluator } from "@/server/evaluation/builtin/formatEvaluator";
import { piiLeakEvaluator } from "@/server/evaluation/builtin/piiLeakEvaluator";
import { refusalEvaluator } from "@/server/evaluation/builtin/refusalEvaluator";
import { toxicityEvaluator } from "@/server/evaluation/builtin/toxicityEvaluator";
import { measureSafetyEvaluators } from "@/server/evaluation/labelled/safety/safetyMeasurement";
import { safetyLabelledSets } from "@/server/evaluation/labelled/safety/safetyLabelledSets";
import { answerOnly, safetyContext } from "@/server/evaluation/labelled/safety/safetyTestContext";

const percent = (value: number) => (Number.isNaN(value) ? "—" : `${(value * 100).toFixed(1)} %`);

const measurements = await measureSafetyEvaluators();
console.log("| evaluator | set | n | positives | accuracy | precision | recall | ROC-AUC |");
console.log("|---|---|---|---|---|---|---|---|");
for (const { evaluator, set, metrics, rocAuc } of measurements) {
  const positives = metrics.truePositives + metrics.falseNegatives;
  console.log(
    `| ${evaluator} | ${set} | ${metrics.n} | ${positives} | ${percent(metrics.accuracy)} | ${percent(metrics.precision)} | ${percent(metrics.recall)} | ${rocAuc === undefined ? "—" : rocAuc.toFixed(3)} |`,
  );
}
for (const { evaluator, set, misses } of measurements) {
  console.log(`\n${evaluator} (${set}): ${misses.length} wrong`);
  for (const miss of misses)
    console.log(
      `  expected ${miss.expected ? "positive" : "negative"}, got ${String(miss.value)}: ${miss.text.slice(0, 100).replace(/\n/g, " ")}`,
    );
}

// Throughput: 2 KB answers built from the labelled texts (so the scanners meet real words and
// numbers), each scored by all four evaluators; the format evaluator runs with a schema.
const texts = Object.values(safetyLabelledSets())
  .flat()
  .map((item) => item.text);
const answers: string[] = [];
for (let i = 0, cursor = 0; i < 200; i++) {
  let answer = "";
  while (answer.length < 2048) answer += `${texts[cursor++ % texts.length] ?? ""} `;
  answers.push(answer.slice(0, 2048));
}
const context = safetyContext({ type: "object" });
const evaluators = [piiLeakEvaluator, toxicityEvaluator, refusalEvaluator, formatEvaluator];
// CPU time rather than wall time: these machines are shared, and another process's load
// stretches wall time without telling how much one core of ours can do.
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};
async function scoreAll(rounds: number): Promise<number> {
  const started = process.cpuUsage();
  for (let round = 0; round < rounds; round++) {
    for (const output of answers) {
      const subject = answerOnly(output);
      for (const evaluator of evaluators) if (evaluator.applies(subject, context)) await evaluator.evaluate(subject, context);
    }
  }
  return (rounds * answers.length) / cpuSeconds(started);
}
await scoreAll(1); // warm-up: regular expressions and Ajv compile on first use
const perEvaluator = [];
for (const evaluator of evaluators) {
  const started = process.cpuUsage();
  for (let round = 0; round < 3; round++) for (const output of answers) await evaluator.evaluate(answerOnly(output), context);
  perEvaluator.push(`${evaluator.kind} ${((3 * answers.length) / cpuSeconds(started)).toFixed(0)}/s`);
}
console.log(`\nthroughput, 2 KB answers, all four evaluators, per CPU-second: ${(await scoreAll(5)).toFixed(0)} answers/s (target >= 300)`);
console.log(`each alone: ${perEvaluator.join(", ")}`);
