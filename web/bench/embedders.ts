// Embedder throughput on real questions (shared/data): texts per CPU-second of one core, for
// lexstyle (target 1 500-2 000 texts/s) and the GloVe SIF semantic embedder, beside a baseline
// measured in the same run: only splitting the same texts into tokens.
import { lexstyleEmbedder } from "../src/server/embeddings/lexstyleEmbedder.ts";
import { gloveSifEmbedder } from "../src/server/embeddings/glove/gloveSifEmbedder.ts";
import type { Embedder } from "../src/server/embeddings/embedder.ts";
import { readGsm8k, readTruthfulQa } from "../src/server/evaluation/labelled/sharedData.ts";
import type { BenchRow } from "./appServer.ts";

const TOKEN = /[\p{L}\p{M}\p{N}_]+(?:['\u2019][\p{L}\p{M}\p{N}_]+)*|\p{Extended_Pictographic}|[^\s\p{L}\p{M}\p{N}]/gu;
const ROUNDS = 3;

/** Texts per CPU-second (user + system time of this process: fair on a shared machine). */
async function textsPerCpuSecond(texts: readonly string[], work: (texts: readonly string[]) => Promise<unknown>): Promise<number> {
  await work(texts.slice(0, 50)); // warm-up: JIT, and the GloVe table's first load
  const before = process.cpuUsage();
  for (let round = 0; round < ROUNDS; round++) await work(texts);
  const used = process.cpuUsage(before);
  return (texts.length * ROUNDS) / ((used.user + used.system) / 1e6);
}

const perSecond = (value: number): string => `${Math.round(value).toLocaleString("en")} texts/s`;

export async function benchEmbedders(): Promise<BenchRow[]> {
  const texts = [...readGsm8k().map((row) => row.question), ...readTruthfulQa().map((row) => row.question)];
  const tokensOnly = await textsPerCpuSecond(texts, (batch) => Promise.resolve(batch.map((text) => text.match(TOKEN))));
  const embed = (embedder: Embedder) => (batch: readonly string[]) => embedder.embed(batch);
  const lexstyle = await textsPerCpuSecond(texts, embed(lexstyleEmbedder));
  const glove = await textsPerCpuSecond(texts, embed(gloveSifEmbedder()));
  const chars = Math.round(texts.reduce((sum, text) => sum + text.length, 0) / texts.length);
  return [
    {
      name: `lexstyle-v1 on ${texts.length} real questions (${chars} chars on average), per CPU-second`,
      baseline: `tokenising only ${perSecond(tokensOnly)}`,
      measured: perSecond(lexstyle),
      ratio: (lexstyle / tokensOnly).toFixed(3),
      target: ">= 1 500 texts/s",
      met: lexstyle >= 1_500,
    },
    {
      name: `glove-sif-100d-v1 on the same questions, per CPU-second`,
      baseline: `lexstyle ${perSecond(lexstyle)}`,
      measured: perSecond(glove),
      ratio: (glove / lexstyle).toFixed(2),
      target: "—",
      met: null,
    },
  ];
}
