// The words that set each cluster apart, so a cluster on the drift page reads "refund,
// order, delivery" rather than "cluster 7". Class-based TF-IDF as BERTopic defines it
// (bertopic/vectorizers/_ctfidf.py, default settings): all texts of a cluster form one
// document; a word's weight in cluster c is its share of c's words times
// ln(1 + A / f), A the average number of words per cluster (truncated to an integer, as
// BERTopic does) and f the word's count over all clusters.
import { compareStrings } from "./compareStrings";
import { KEYWORD_STOP_WORDS } from "./keywordStopWords";

export interface ClusterKeyword {
  word: string;
  /** c-TF-IDF weight: only its order within a cluster means something. */
  score: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}\p{N}]+)*/gu;
const DIGIT = /\p{N}/u;
const POSSESSIVE = /'s$/u;
const ONE_CHARACTER = /^.$/su;

/** Lower-cased words of a text without numbers, one-letter words and stop words. */
export const keywordTokens = (text: string): string[] =>
  (text.toLowerCase().replaceAll("\u2019", "'").match(WORD) ?? [])
    .filter((word) => !DIGIT.test(word))
    .map((word) => (KEYWORD_STOP_WORDS.has(word) ? word : word.replace(POSSESSIVE, "")))
    .filter((word) => !ONE_CHARACTER.test(word) && !KEYWORD_STOP_WORDS.has(word));

export const clusterKeywords = (
  textsByCluster: readonly (readonly string[])[],
  { perCluster = 5 }: { perCluster?: number } = {},
): ClusterKeyword[][] => {
  const counts = textsByCluster.map((texts) => {
    const words = new Map<string, number>();
    for (const text of texts) for (const word of keywordTokens(text)) words.set(word, (words.get(word) ?? 0) + 1);
    return words;
  });
  const totals = counts.map((words) => [...words.values()].reduce((sum, count) => sum + count, 0));
  const overall = new Map<string, number>();
  for (const words of counts) for (const [word, count] of words) overall.set(word, (overall.get(word) ?? 0) + count);
  const averageWords = Math.trunc(totals.reduce((sum, total) => sum + total, 0) / Math.max(1, counts.length));
  return counts.map((words, cluster) => {
    const total = totals[cluster] ?? 0;
    return [...words]
      .map(([word, count]) => ({ word, score: (count / total) * Math.log(1 + averageWords / (overall.get(word) ?? count)) }))
      .sort((a, b) => b.score - a.score || compareStrings(a.word, b.word))
      .slice(0, perCluster);
  });
};
