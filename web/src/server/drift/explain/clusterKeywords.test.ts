import { describe, expect, it } from "vitest";
import fixture from "./explainFixture.json";
import { clusterKeywords, keywordTokens } from "./clusterKeywords";

describe("clusterKeywords", () => {
  const { clusters, perCluster, expected } = fixture.clusterKeywords;
  const keywords = clusterKeywords(clusters, { perCluster });

  it("ranks words by the c-TF-IDF weights BERTopic's formula gives (computed with numpy)", () => {
    expect(keywords.map((cluster) => cluster.map((keyword) => keyword.word))).toEqual(
      expected.map((cluster) => cluster.map((keyword) => keyword.word)),
    );
    keywords.forEach((cluster, c) => {
      cluster.forEach((keyword, k) => {
        expect(keyword.score).toBeCloseTo(expected[c]?.[k]?.score ?? NaN, 12);
      });
    });
  });

  it("names math word problems by their words, general-knowledge questions by theirs", () => {
    const [math, trivia, german] = keywords.map((cluster) => cluster.slice(0, 5).map((keyword) => keyword.word));
    expect(math).toEqual(expect.arrayContaining(["many", "hours"]));
    expect(trivia).toContain("happens");
    expect(german).toEqual(expect.arrayContaining(["dollar", "meilen"]));
  });

  it("gives five keywords by default and none for an empty cluster", () => {
    const [first, empty] = clusterKeywords([clusters[0] ?? [], []]);
    expect(first).toHaveLength(5);
    expect(empty).toEqual([]);
  });
});

describe("keywordTokens", () => {
  it("lower-cases, drops numbers, stop words and possessive endings", () => {
    expect(keywordTokens("Janet’s 16 ducks don't lay 3rd EGGS in der Woche")).toEqual(["janet", "ducks", "lay", "eggs", "woche"]);
  });
});
