// `npx tsx web/src/server/embeddings/glove/fitGloveComponent.ts`: fits the first principal
// component of SIF averages on a reference corpus and writes glovePrincipalComponent.ts.
// The corpus (GSM8K worked answers and TruthfulQA's incorrect answers) is disjoint from the
// texts the labelled sets evaluate on (questions, best and correct answers).
// An optional argument names the package's JSON when it is not installed here.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { readGsm8k, readTruthfulQa } from "../../evaluation/labelled/sharedData";
import { loadGloveTable, winkEmbeddingsPaths } from "./gloveTable";
import { GLOVE_TOTAL_WORDS } from "./gloveSifEmbedder";
import { firstPrincipalComponent } from "./principalComponent";
import { sifAverage, sifFactors, sifWeights } from "./sifVector";
import { gloveWordIndex, wordRows } from "./gloveWordIndex";

const source = process.argv[2];
const table = await loadGloveTable(
  source === undefined
    ? winkEmbeddingsPaths()
    : { source, cache: path.join(path.dirname(source), "..", ".cache", "liveloop", "glove-100d-int8-100000.bin") },
);
const factors = sifFactors(table, sifWeights(table.scales.length, GLOVE_TOTAL_WORDS));
const words = gloveWordIndex(table.rows);
const corpus = [...readGsm8k().map((row) => row.answer), ...readTruthfulQa().flatMap((row) => row.incorrectAnswers)];
const component = firstPrincipalComponent(corpus.map((text) => sifAverage(wordRows(text, words), table, factors)));
const target = path.join(import.meta.dirname, "glovePrincipalComponent.ts");
writeFileSync(
  target,
  `// Written by fitGloveComponent.ts: the first principal component of the SIF averages of
// ${corpus.length} reference texts (GSM8K answers, TruthfulQA incorrect answers). Refit when the table changes.
export const GLOVE_PRINCIPAL_COMPONENT: readonly number[] = [
${component.map((value) => `  ${value.toPrecision(8)},`).join("\n")}
];
`,
);
console.log(`wrote ${target} from ${corpus.length} texts`);
