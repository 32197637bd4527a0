// `npx tsx src/server/evaluation/labelled/safety/measureSafety.ts` (from web/, for the @/ alias):
// accuracy, precision and recall of pii_leak, toxicity, refusal and format on their labelled
// sets, the examples each gets wrong, and how many 2 KB answers per second the four score
// together on one core.
import { measureSafetyEvaluators } from "@/server/evaluation/labelled/safety/safetyMeasurement";
import { measureSafetyThroughput } from "@/server/evaluation/labelled/safety/safetyThroughput";

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

const throughput = await measureSafetyThroughput();
console.log(`\nthroughput, 2 KB answers, all four evaluators, per CPU-second: ${throughput.combined.toFixed(0)} answers/s (target >= 300)`);
console.log(`each alone: ${throughput.alone.map(({ kind, perSecond }) => `${kind} ${perSecond.toFixed(0)}/s`).join(", ")}`);
