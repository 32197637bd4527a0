import { describe, expect, it } from "vitest";
import { parseJudgeAnswer } from "@/server/evaluation/judge/parseJudgeAnswer";
import { judgeRubrics, unitScore } from "@/server/evaluation/judge/judgeRubrics";

const unit = (text: string) => parseJudgeAnswer(text, unitScore);

describe("parseJudgeAnswer", () => {
  it("reads plain JSON, a code fence, prose around the object, and trailing commas", () => {
    expect(unit('{"reasoning": "Fine.", "score": 0.75}')).toEqual({ ok: true, score: 0.75, reasoning: "Fine." });
    expect(unit('```json\n{"reasoning": "Fenced.", "score": 1}\n```')).toEqual({ ok: true, score: 1, reasoning: "Fenced." });
    expect(unit('Here is my evaluation:\n{"reasoning": "Prose first.", "score": 0}\nHope this helps.')).toEqual({
      ok: true,
      score: 0,
      reasoning: "Prose first.",
    });
    expect(unit('{"reasoning": "Comma.", "score": 0.25,}')).toEqual({ ok: true, score: 0.25, reasoning: "Comma." });
    expect(unit('{"score": 1}')).toEqual({ ok: true, score: 1, reasoning: "" });
  });

  it("takes a numeric string as the number it spells, and nothing else", () => {
    expect(unit('{"reasoning": "r", "score": "0.8"}')).toEqual({ ok: true, score: 0.8, reasoning: "r" });
    expect(unit('{"reasoning": "r", "score": " 1 "}')).toEqual({ ok: true, score: 1, reasoning: "r" });
    expect(unit('{"reasoning": "r", "score": "high"}')).toEqual({ ok: false, error: 'The judge\'s score "high" is not a number' });
    expect(unit('{"reasoning": "r", "score": "NaN"}')).toEqual({ ok: false, error: 'The judge\'s score "NaN" is not a number' });
    expect(unit('{"reasoning": "r", "score": "0.8 out of 1"}')).toMatchObject({ ok: false });
    expect(unit('{"reasoning": "r", "score": true}')).toEqual({ ok: false, error: 'The judge\'s score "true" is not a number' });
    expect(unit('{"reasoning": "r", "score": [1]}')).toMatchObject({ ok: false });
  });

  it("refuses a score outside the range, an infinite one, and one that is not whole on a whole-number scale", () => {
    expect(unit('{"reasoning": "r", "score": 9.2e124}')).toEqual({
      ok: false,
      error: "The judge's score 9.2e+124 is outside the range 0..1",
    });
    expect(unit('{"reasoning": "r", "score": -0.1}')).toEqual({ ok: false, error: "The judge's score -0.1 is outside the range 0..1" });
    expect(unit('{"reasoning": "r", "score": 1e999}')).toEqual({ ok: false, error: "The judge's score Infinity is not a finite number" });
    const fivePoint = judgeRubrics.helpfulness.score;
    expect(parseJudgeAnswer('{"reasoning": "r", "score": 4}', fivePoint)).toEqual({ ok: true, score: 4, reasoning: "r" });
    expect(parseJudgeAnswer('{"reasoning": "r", "score": 0}', fivePoint)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/outside the range 1\.\.5/) as unknown,
    });
    expect(parseJudgeAnswer('{"reasoning": "r", "score": 3.5}', fivePoint)).toMatchObject({ ok: false });
  });

  it("says why when there is no JSON object or no score", () => {
    expect(unit("I would rate this highly.")).toEqual({ ok: false, error: 'The judge\'s answer is not JSON: "I would rate this highly."' });
    expect(unit("0.8")).toEqual({ ok: false, error: 'The judge\'s answer is not a JSON object: "0.8"' });
    expect(unit('{"reasoning": "forgot"}')).toEqual({ ok: false, error: "The judge's answer has no score" });
    expect(unit('{"reasoning": "broken", "score": }')).toMatchObject({ ok: false, error: expect.stringMatching(/not JSON/) as unknown });
  });
});
